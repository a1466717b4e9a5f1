package app.spotter.template;

import app.spotter.api.Page;
import app.spotter.infra.db.Column;
import app.spotter.infra.db.Kind;
import app.spotter.infra.db.NameOrder;
import app.spotter.infra.db.TableMapping;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Session templates, always scoped by their trainer: another trainer's template is simply not found. */
public final class SessionTemplateRepository {
  static final TableMapping TABLE = new TableMapping("session_template", List.of(
      Column.of("trainer_id", Kind.UUID_ID),
      Column.of("name", Kind.TEXT),
      Column.of("description", Kind.TEXT),
      Column.of("category", Kind.TEXT),
      Column.of("difficulty", Kind.TEXT),
      Column.of("duration_minutes", Kind.INT),
      Column.of("equipment_needed", Kind.JSON, new JsonArray()),
      Column.of("notes", Kind.TEXT),
      Column.of("is_default", Kind.BOOL, false)));

  private static final String INSERT = TABLE.insertSql();
  private static final String FIND =
      "SELECT " + TABLE.selectList() + " FROM session_template WHERE id = $1 AND trainer_id = $2";
  /** The same row, held until the transaction ends so exercise positions change one writer at a time. */
  private static final String LOCK = FIND + " FOR UPDATE";
  /** In name order. {@code $2} is an ILIKE pattern or null. */
  private static final String LIST = "SELECT " + TABLE.selectList() + ", " + NameOrder.SORT_KEY
      + " FROM session_template WHERE trainer_id = $1 AND ($2::text IS NULL OR name ILIKE $2 OR category ILIKE $2)"
      + " AND " + NameOrder.after(3) + " " + NameOrder.ORDER_BY + " LIMIT $5";
  private static final String UPDATE = TABLE.updateSql("AND trainer_id = $" + (TABLE.updateParameterCount() + 1));
  private static final String BUMP_VERSION = "UPDATE session_template SET version = version + 1, updated_at = now()"
      + " WHERE id = $1 AND trainer_id = $2 RETURNING " + TABLE.selectList();
  private static final String DELETE =
      "DELETE FROM session_template WHERE id = $1 AND trainer_id = $2 AND ($3::int IS NULL OR version = $3)";

  private final Pool pool;

  public SessionTemplateRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonObject> insert(SqlClient client, UUID trainerId, JsonObject template) {
    return client.preparedQuery(INSERT)
        .execute(TABLE.writeTuple(template.copy().put("trainerId", trainerId.toString())))
        .map(rows -> TABLE.toJson(rows.iterator().next()));
  }

  public Future<Optional<JsonObject>> find(UUID trainerId, UUID id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id, trainerId)).map(TABLE::first);
  }

  /** Like {@link #find}, and locks the row for the rest of {@code tx}. */
  public Future<Optional<JsonObject>> lock(SqlClient tx, UUID trainerId, UUID id) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(id, trainerId)).map(TABLE::first);
  }

  public Future<List<Page.Keyed>> list(UUID trainerId, String pattern, String afterKey, UUID afterId, int limit) {
    return pool.preparedQuery(LIST).execute(Tuple.of(trainerId, pattern, afterKey, afterId, limit))
        .map(rows -> NameOrder.rows(TABLE, rows));
  }

  /** Empty when the row is gone or its version moved on. */
  public Future<Optional<JsonObject>> update(UUID trainerId, JsonObject merged, int expectedVersion) {
    Tuple tuple = TABLE.writeTuple(merged)
        .addUUID(UUID.fromString(merged.getString("id")))
        .addInteger(expectedVersion)
        .addUUID(trainerId);
    return pool.preparedQuery(UPDATE).execute(tuple).map(TABLE::first);
  }

  /** A change to the template as a whole (its exercises' order) that touches none of its own fields. */
  public Future<JsonObject> bumpVersion(SqlClient tx, UUID trainerId, UUID id) {
    return tx.preparedQuery(BUMP_VERSION).execute(Tuple.of(id, trainerId)).map(rows -> TABLE.toJson(rows.iterator().next()));
  }

  /** {@code expectedVersion} null = unconditional. Returns whether a row was deleted (its exercises go with it). */
  public Future<Boolean> delete(UUID trainerId, UUID id, Integer expectedVersion) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(id, trainerId, expectedVersion)).map(rows -> rows.rowCount() > 0);
  }
}
