package app.spotter.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writing successful responses: JSON bodies, ETags from {@code version}, Location on create. */
public final class Responses {
  private Responses() {}

  public static Future<Void> ok(RoutingContext ctx, JsonObject body) {
    return json(ctx, 200, body);
  }

  public static Future<Void> created(RoutingContext ctx, String location, JsonObject body) {
    ctx.response().putHeader("Location", location);
    return json(ctx, 201, body);
  }

  public static Future<Void> noContent(RoutingContext ctx) {
    return ctx.response().setStatusCode(204).end();
  }

  public static Future<Void> json(RoutingContext ctx, int status, JsonObject body) {
    Integer version = body.getInteger("version");
    if (version != null) {
      ctx.response().putHeader("ETag", etag(version));
    }
    return ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body.encode());
  }

  public static String etag(int version) {
    return "\"" + version + "\"";
  }
}
