package app.spotter.http;

import app.spotter.api.ApiException;
import app.spotter.api.FieldError;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The one shape of every error answer: {@code application/problem+json} (RFC 9457). */
final class Problems {
  private Problems() {}

  static Future<Void> send(HttpServerResponse response, ApiException problem) {
    JsonObject body = new JsonObject()
        .put("type", "about:blank")
        .put("title", problem.title())
        .put("status", problem.status())
        .put("detail", problem.getMessage());
    if (!problem.errors().isEmpty()) {
      body.put("errors", new JsonArray(problem.errors().stream().map(FieldError::toJson).toList()));
    }
    if (problem.retryAfterSeconds() != null) {
      response.putHeader("Retry-After", String.valueOf(problem.retryAfterSeconds()));
    }
    return response
        .setStatusCode(problem.status())
        .putHeader("Content-Type", "application/problem+json")
        .end(body.encode());
  }
}
