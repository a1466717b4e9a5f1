package app.spotter.infra.db;

import app.spotter.api.ApiException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Children kept in order by {@code order_index} (a template's or a record's exercises): listed by
 * (order_index, id), and one that comes without an {@code orderIndex} goes after the last one.
 */
public final class OrderIndex {
  public static final String ORDER_BY = "ORDER BY order_index, id";

  private OrderIndex() {}

  /** Rows after the cursor's position ({@code $n}) and id ({@code $n+1}); both null on the first page. */
  public static String after(int n) {
    return "($" + n + "::int IS NULL OR (order_index, id) > ($" + n + ", $" + (n + 1) + "::uuid))";
  }

  /** The position after the last child of the parent {@code $1}; 0 for the first. */
  public static String nextSql(String table, String parentColumn) {
    return "SELECT COALESCE(max(order_index) + 1, 0) FROM " + table + " WHERE " + parentColumn + " = $1";
  }

  /** An item's cursor: its position and id. */
  public static JsonArray sortKey(JsonObject item) {
    return new JsonArray().add(item.getInteger("orderIndex")).add(item.getString("id"));
  }

  /** The child with its own {@code orderIndex}, or else with {@code next}'s, the position after the last. */
  public static Future<JsonObject> placed(JsonObject child, Supplier<Future<Integer>> next) {
    if (child.getInteger("orderIndex") != null) {
      return Future.succeededFuture(child);
    }
    return next.get().map(position -> child.copy().put("orderIndex", position));
  }

  /**
   * New children of one request must not share a position: that is the request's own mistake (400
   * naming the later one's {@code orderIndex}), not a conflict with what is stored. {@code field}
   * names the list in the request body.
   */
  public static void requireDistinct(String field, List<JsonObject> placed) {
    Map<Integer, Integer> first = new HashMap<>();
    for (int i = 0; i < placed.size(); i++) {
      Integer earlier = first.putIfAbsent(placed.get(i).getInteger("orderIndex"), i);
      if (earlier != null) {
        throw ApiException.invalidField(field + "[" + i + "].orderIndex", "is the position of " + field + "["
            + earlier + "] too: give each its own orderIndex, or omit it to append in the order given");
      }
    }
  }

  /** New children in the order given, each without an {@code orderIndex} placed after the highest one before it. */
  public static List<JsonObject> placedInTurn(List<JsonObject> children) {
    List<JsonObject> out = new ArrayList<>(children.size());
    int next = 0;
    for (JsonObject child : children) {
      JsonObject placed = child.getInteger("orderIndex") != null ? child : child.copy().put("orderIndex", next);
      next = Math.max(next, placed.getInteger("orderIndex") + 1);
      out.add(placed);
    }
    return out;
  }
}
