package app.spotter.load.setup;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;

/** The REST API as the setup uses it: JSON in, JSON out, a wrong status fails with the problem body. */
public final class RestClient implements AutoCloseable {
  private final WebClient client;
  private final URI base;

  public RestClient(Vertx vertx, URI base) {
    this.base = base;
    this.client = webClient(vertx, base, 32);
  }

  /** A keep-alive client of {@code base} with at most {@code connections} HTTP/1.1 connections. */
  public static WebClient webClient(Vertx vertx, URI base, int connections) {
    return WebClient.create(vertx, new WebClientOptions().setDefaultHost(base.getHost())
        .setDefaultPort(base.getPort() < 0 ? 80 : base.getPort()).setSsl("https".equals(base.getScheme()))
        .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(connections));
  }

  /** An answer's JSON body and its ETag (null when it has none). */
  public record Reply(JsonObject body, String etag) {}

  public Future<JsonObject> post(String path, String token, JsonObject body, int expected) {
    return call(HttpMethod.POST, path, token, null, body, expected).map(Reply::body);
  }

  public Future<JsonObject> get(String path, String token, int expected) {
    return call(HttpMethod.GET, path, token, null, null, expected).map(Reply::body);
  }

  /** A PATCH, with {@code If-Match} when {@code ifMatch} is not null; 200 expected. */
  public Future<Reply> patch(String path, String token, String ifMatch, JsonObject body) {
    return call(HttpMethod.PATCH, path, token, ifMatch, body, 200);
  }

  private Future<Reply> call(HttpMethod method, String path, String token, String ifMatch, JsonObject body,
      int expected) {
    HttpRequest<Buffer> request = client.request(method, "/api/v1" + path);
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    if (ifMatch != null) {
      request.putHeader("If-Match", ifMatch);
    }
    Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendJsonObject(body);
    return sent.compose(response -> {
      if (response.statusCode() != expected) {
        return Future.failedFuture(new IllegalStateException(method + " " + path + " answered "
            + response.statusCode() + " (expected " + expected + "): " + response.bodyAsString()));
      }
      return Future.succeededFuture(new Reply(response.bodyAsJsonObject(), response.getHeader("ETag")));
    });
  }

  public URI base() {
    return base;
  }

  @Override
  public void close() {
    client.close();
  }
}
