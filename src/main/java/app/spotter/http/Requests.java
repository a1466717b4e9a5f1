package app.spotter.http;

import app.spotter.auth.Principal;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.OptionalInt;
import java.util.UUID;

/** Reading the parts of a request that handlers need, with the project's error rules. */
public final class Requests {
  private Requests() {}

  public static Principal principal(RoutingContext ctx) {
    Principal principal = ctx.get(Principal.CONTEXT_KEY);
    if (principal == null) {
      throw ApiException.unauthorized("a valid token is required");
    }
    return principal;
  }

  /** A path id that is not a UUID cannot exist: 404, like any other unknown id. */
  public static UUID pathId(RoutingContext ctx, String name, String what) {
    String raw = ctx.pathParam(name);
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApiException.notFound(what);
    }
  }

  /** The JSON body, already validated against the OpenAPI schema; absent body = {}. */
  public static JsonObject body(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      return new JsonObject();
    }
    JsonObject json = ctx.body().asJsonObject();
    return json == null ? new JsonObject() : json;
  }

  /** {@code If-Match: "3"} → 3; absent or {@code *} → empty (no precondition). */
  public static OptionalInt ifMatch(RoutingContext ctx) {
    String header = ctx.request().getHeader("If-Match");
    if (header == null || header.isBlank() || header.trim().equals("*")) {
      return OptionalInt.empty();
    }
    String value = header.trim().replaceFirst("^W/", "").replace("\"", "");
    try {
      return OptionalInt.of(Integer.parseInt(value));
    } catch (NumberFormatException e) {
      // An ETag we never issued cannot match the current one.
      return OptionalInt.of(-1);
    }
  }

  public static Page page(RoutingContext ctx) {
    return Page.of(ctx.queryParams().get("limit"), ctx.queryParams().get("cursor"));
  }

  public static String query(RoutingContext ctx, String name) {
    String value = ctx.queryParams().get(name);
    return value == null || value.isBlank() ? null : value;
  }

  public static UUID queryUuid(RoutingContext ctx, String name) {
    String value = query(ctx, name);
    if (value == null) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidField(name, "must be a UUID");
    }
  }
}
