package app.spotter.program;

import app.spotter.api.Page;
import app.spotter.infra.db.Column;
import app.spotter.infra.db.Kind;
import app.spotter.infra.db.NameOrder;
import app.spotter.infra.db.TableMapping;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Programs, always scoped by their trainer: another trainer's program is simply not found. */
public final class ProgramRepository {
  static final TableMapping TABLE = new TableMapping("program", List.of(
      Column.of("trainer_id", Kind.UUID_ID),
      Column.of("name", Kind.TEXT),
      Column.of("description", Kind.TEXT),
      Column.of("difficulty", Kind.TEXT),
      Column.of("duration_weeks", Kind.INT),
      Column.of("goals", Kind.JSON, new JsonArray())));

  private static final String INSERT = TABLE.insertSql();
  private static final String FIND = "SELECT " + TABLE.selectList() + " FROM program WHERE id = $1 AND trainer_id = $2";
  /** Taken by program updates, so no session is written against a durationWeeks about to change. */
  private static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE";
  /** Taken by session writes: they may run side by side, but not beside a program update. */
  private static final String FIND_FOR_SHARE = FIND + " FOR SHARE";
  private static final String LIST = "SELECT " + TABLE.selectList() + ", " + NameOrder.SORT_KEY
      + " FROM program WHERE trainer_id = $1 AND " + NameOrder.after(2) + " " + NameOrder.ORDER_BY + " LIMIT $4";
  private static final String UPDATE = TABLE.updateSql("AND trainer_id = $" + (TABLE.updateParameterCount() + 1));
  private static final String DELETE = "DELETE FROM program WHERE id = $1 AND trainer_id = $2 AND version = $3";

  public Future<JsonObject> insert(SqlClient db, UUID trainerId, JsonObject program) {
    return db.preparedQuery(INSERT)
        .execute(TABLE.writeTuple(program.copy().put("trainerId", trainerId.toString())))
        .map(rows -> TABLE.toJson(rows.iterator().next()));
  }

  public Future<Optional<JsonObject>> find(SqlClient db, UUID trainerId, UUID id) {
    return findBy(db, FIND, trainerId, id);
  }

  public Future<Optional<JsonObject>> findForUpdate(SqlClient db, UUID trainerId, UUID id) {
    return findBy(db, FIND_FOR_UPDATE, trainerId, id);
  }

  public Future<Optional<JsonObject>> findForShare(SqlClient db, UUID trainerId, UUID id) {
    return findBy(db, FIND_FOR_SHARE, trainerId, id);
  }

  /** In name order. */
  public Future<List<Page.Keyed>> list(SqlClient db, UUID trainerId, String afterKey, UUID afterId, int limit) {
    return db.preparedQuery(LIST).execute(Tuple.of(trainerId, afterKey, afterId, limit))
        .map(rows -> NameOrder.rows(TABLE, rows));
  }

  /** Empty when the row is gone or its version moved on. */
  public Future<Optional<JsonObject>> update(SqlClient db, UUID trainerId, JsonObject merged, int expectedVersion) {
    Tuple tuple = TABLE.writeTuple(merged)
        .addUUID(UUID.fromString(merged.getString("id")))
        .addInteger(expectedVersion)
        .addUUID(trainerId);
    return db.preparedQuery(UPDATE).execute(tuple).map(TABLE::first);
  }

  /** Returns whether a row was deleted; its training sessions go with it (ON DELETE CASCADE). */
  public Future<Boolean> delete(SqlClient db, UUID trainerId, UUID id, int expectedVersion) {
    return db.preparedQuery(DELETE).execute(Tuple.of(id, trainerId, expectedVersion)).map(rows -> rows.rowCount() > 0);
  }

  private static Future<Optional<JsonObject>> findBy(SqlClient db, String sql, UUID trainerId, UUID id) {
    return db.preparedQuery(sql).execute(Tuple.of(id, trainerId)).map(TABLE::first);
  }
}
