package app.spotter.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpHeaders;
import java.util.List;

/** A response as a test sees it. */
public record Reply(int status, HttpHeaders headers, String body) {
  public JsonObject json() {
    return new JsonObject(body);
  }

  public JsonArray items() {
    return json().getJsonArray("items");
  }

  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  public String contentType() {
    return header("Content-Type");
  }

  /** The field names of a problem's {@code errors}. */
  public List<String> errorFields() {
    JsonArray errors = json().getJsonArray("errors", new JsonArray());
    return errors.stream().map(e -> ((JsonObject) e).getString("field")).toList();
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
