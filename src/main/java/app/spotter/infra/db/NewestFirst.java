package app.spotter.infra.db;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Lists newest first, {@code created_at DESC, id DESC}. Times compare at millisecond precision, the
 * precision a client (and so a cursor) sees, while Postgres keeps microseconds: so no row is skipped
 * between pages.
 */
public final class NewestFirst {
  public static final String ORDER_BY = "ORDER BY date_trunc('milliseconds', created_at) DESC, id DESC";

  private NewestFirst() {}

  /** Rows older than the cursor's {@code createdAt} ({@code $n}) and id ({@code $n+1}); both null on the first page. */
  public static String before(int n) {
    return "($" + n + "::timestamptz IS NULL OR (date_trunc('milliseconds', created_at), id) < ($" + n + ", $"
        + (n + 1) + "::uuid))";
  }

  /** An item's cursor: its {@code createdAt} and id. */
  public static JsonArray sortKey(JsonObject item) {
    return new JsonArray().add(item.getString("createdAt")).add(item.getString("id"));
  }
}
