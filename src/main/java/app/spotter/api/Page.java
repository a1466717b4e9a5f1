package app.spotter.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keyset pagination: {@code ?limit=&cursor=} in, {@code {items, nextCursor}} out. A cursor is the
 * sort key of the last item handed out, opaque to clients (base64url of a JSON array).
 */
public record Page(int limit, JsonArray after) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public static Page of(String limit, String cursor) {
    int n = DEFAULT_LIMIT;
    if (limit != null && !limit.isBlank()) {
      try {
        n = Integer.parseInt(limit.trim());
      } catch (NumberFormatException e) {
        throw ApiException.invalidField("limit", "must be an integer from 1 to " + MAX_LIMIT);
      }
      if (n < 1 || n > MAX_LIMIT) {
        throw ApiException.invalidField("limit", "must be an integer from 1 to " + MAX_LIMIT);
      }
    }
    return new Page(n, cursor == null || cursor.isBlank() ? null : decode(cursor));
  }

  /** Fetch {@code limit + 1} rows; the extra one only tells that there is a next page. */
  public int fetchSize() {
    return limit + 1;
  }

  public String afterString(int i) {
    return after(i, String.class::cast);
  }

  public Integer afterInt(int i) {
    return after(i, value -> (Integer) value);
  }

  public UUID afterUuid(int i) {
    return after(i, value -> UUID.fromString((String) value));
  }

  public LocalDate afterDate(int i) {
    return after(i, value -> LocalDate.parse((String) value));
  }

  public OffsetDateTime afterTimestamp(int i) {
    return after(i, value -> OffsetDateTime.parse((String) value));
  }

  /**
   * The i-th sort key value of the cursor, null on the first page. The one place a cursor is read: a
   * forged or foreign one (missing, null or mistyped values) is the client's error, 400, never a 500.
   */
  private <T> T after(int i, Function<Object, T> parse) {
    if (after == null) {
      return null;
    }
    try {
      return parse.apply(Objects.requireNonNull(after.getValue(i)));
    } catch (RuntimeException e) {
      throw badCursor();
    }
  }

  /** A row and the sort key it was ordered by: the cursor of a page that ends with it. */
  public record Keyed(JsonObject item, JsonArray sortKey) {}

  /** Builds the list body; {@code sortKey} gives the cursor values of an item. */
  public JsonObject body(List<JsonObject> rows, Function<JsonObject, JsonArray> sortKey) {
    boolean more = rows.size() > limit;
    List<JsonObject> items = more ? rows.subList(0, limit) : rows;
    return body(items, more ? sortKey.apply(items.get(items.size() - 1)) : null);
  }

  /** Builds the list body of rows that carry their own sort key. */
  public JsonObject keyedBody(List<Keyed> rows) {
    boolean more = rows.size() > limit;
    List<Keyed> page = more ? rows.subList(0, limit) : rows;
    return body(page.stream().map(Keyed::item).toList(), more ? page.get(page.size() - 1).sortKey() : null);
  }

  /** The items of a body built here, for putting children on them. */
  public static List<JsonObject> items(JsonObject body) {
    return body.getJsonArray("items").stream().map(JsonObject.class::cast).toList();
  }

  private static JsonObject body(List<JsonObject> items, JsonArray nextKey) {
    return new JsonObject().put("items", new JsonArray(items)).put("nextCursor", nextKey == null ? null : encode(nextKey));
  }

  private static String encode(JsonArray key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.encode().getBytes(StandardCharsets.UTF_8));
  }

  private static JsonArray decode(String cursor) {
    try {
      JsonArray key = new JsonArray(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
      if (key.isEmpty()) {
        throw new IllegalArgumentException();
      }
      return key;
    } catch (RuntimeException e) {
      throw badCursor();
    }
  }

  private static ApiException badCursor() {
    return ApiException.invalidField("cursor", "is not a cursor this server handed out");
  }
}
