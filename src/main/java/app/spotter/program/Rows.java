package app.spotter.program;

import app.spotter.infra.db.TableMapping;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Result rows as JSON, for this package's repositories. */
final class Rows {
  private Rows() {}

  static List<JsonObject> all(TableMapping table, RowSet<Row> rows) {
    List<JsonObject> out = new ArrayList<>(rows.size());
    rows.forEach(row -> out.add(table.toJson(row)));
    return out;
  }

  static Optional<JsonObject> first(TableMapping table, RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(table.toJson(rows.iterator().next()));
  }
}
