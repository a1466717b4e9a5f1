package app.spotter.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small black-box HTTP client for tests: JSON in, {@link Reply} out, token optional. */
public final class Api {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String token;
  private final List<String[]> headers;

  public Api(String base, String token) {
    this(base, token, List.of());
  }

  private Api(String base, String token, List<String[]> headers) {
    this.base = base;
    this.token = token;
    this.headers = headers;
  }

  public String token() {
    return token;
  }

  public String base() {
    return base;
  }

  public Api as(String otherToken) {
    return new Api(base, otherToken, headers);
  }

  public Api header(String name, String value) {
    List<String[]> more = new ArrayList<>(headers);
    more.add(new String[] {name, value});
    return new Api(base, token, more);
  }

  public Reply get(String path) {
    return send("GET", path, null);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null);
  }

  public Reply post(String path, Object body) {
    return send("POST", path, body);
  }

  public Reply patch(String path, Object body) {
    return send("PATCH", path, body);
  }

  public Reply put(String path, Object body) {
    return send("PUT", path, body);
  }

  /** Every item of a list, page after page by its nextCursor; {@code path} has a query (e.g. {@code ?limit=1}). */
  public List<JsonObject> allPages(String path) {
    List<JsonObject> items = new ArrayList<>();
    String cursor = null;
    do {
      Reply page = get(cursor == null ? path : path + "&cursor=" + cursor);
      if (page.status() != 200) {
        throw new AssertionError("listing failed: " + page);
      }
      page.items().forEach(item -> items.add((JsonObject) item));
      cursor = page.json().getString("nextCursor");
    } while (cursor != null);
    return items;
  }

  /** {@code body} may be a JsonObject, a JsonArray, a raw String (sent as is) or null. */
  public Reply send(String method, String path, Object body) {
    String url = path.startsWith("http") ? path : base + (path.startsWith("/api") || path.startsWith("/health")
        || path.startsWith("/metrics") ? path : "/api/v1" + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(h -> request.header(h[0], h[1]));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      String text = body instanceof String s ? s : body instanceof JsonObject o ? o.encode() : ((JsonArray) body).encode();
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
