package app.spotter.http;

import app.spotter.api.ApiException;
import app.spotter.api.Page;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the parts of a request that handlers need, with the project's error rules. */
public final class Requests {
  /** The ETags this server issues: a version in quotes. */
  private static final Pattern STRONG_VERSION_TAG = Pattern.compile("\"([1-9][0-9]{0,8})\"");

  private Requests() {}

  /** A path id that is not a UUID cannot exist: 404, like any other unknown id. */
  public static UUID pathId(RoutingContext ctx, String name, String what) {
    String raw = ctx.pathParam(name);
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApiException.notFound(what);
    }
  }

  /** Where RequestValidation leaves a body it rewrote (date-times in UTC, see WideOffsets). */
  static final String BODY_IN_UTC = "spotter.bodyInUtc";

  /** The JSON body, already validated against the OpenAPI schema; absent body = {}. */
  public static JsonObject body(RoutingContext ctx) {
    JsonObject rewritten = ctx.get(BODY_IN_UTC);
    if (rewritten != null) {
      return rewritten;
    }
    if (ctx.body() == null || ctx.body().length() == 0) {
      return new JsonObject();
    }
    JsonObject json = ctx.body().asJsonObject();
    return json == null ? new JsonObject() : json;
  }

  /**
   * {@code If-Match: "3"} → 3; absent or {@code *} → empty (no precondition). Anything else is not
   * the current ETag, whatever it holds: a weak tag (If-Match compares strongly), a list, a
   * malformed or over-long value → -1, which matches no version (409).
   */
  public static OptionalInt ifMatch(RoutingContext ctx) {
    String header = ctx.request().getHeader("If-Match");
    if (header == null || header.trim().equals("*")) {
      return OptionalInt.empty();
    }
    Matcher tag = STRONG_VERSION_TAG.matcher(header.trim());
    return OptionalInt.of(tag.matches() ? Integer.parseInt(tag.group(1)) : -1);
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
