package app.spotter.infra.db;

import app.spotter.api.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists in name order, {@code lower(name), id}, for tables with a {@code name}. Postgres computes the
 * sort key and the cursor carries it back exactly as computed: a key lower-cased again in Java can
 * differ (locale, special cases), and a cursor that differs from the key sorted by skips or repeats rows.
 */
public final class NameOrder {
  /** Selected after the table's columns; {@link #rows} reads it back. */
  public static final String SORT_KEY = "lower(name) AS sort_key";
  public static final String ORDER_BY = "ORDER BY lower(name), id";

  private NameOrder() {}

  /** Rows after the cursor's sort key ({@code $n}, text) and id ({@code $n+1}); both null on the first page. */
  public static String after(int n) {
    return "($" + n + "::text IS NULL OR (lower(name), id) > ($" + n + ", $" + (n + 1) + "::uuid))";
  }

  /** Each row as JSON, with (sort key, id) as its cursor. */
  public static List<Page.Keyed> rows(TableMapping table, RowSet<Row> rows) {
    List<Page.Keyed> out = new ArrayList<>(rows.size());
    rows.forEach(row -> out.add(new Page.Keyed(table.toJson(row),
        new JsonArray().add(row.getString("sort_key")).add(row.getUUID("id").toString()))));
    return out;
  }
}
