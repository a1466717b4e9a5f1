package app.spotter.api;

import io.vertx.core.json.JsonObject;

/** One offending field of a request, named by its JSON path (e.g. {@code goals[0].text}). */
public record FieldError(String field, String message) {
  public JsonObject toJson() {
    return new JsonObject().put("field", field).put("message", message);
  }
}
