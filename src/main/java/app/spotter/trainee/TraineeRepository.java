package app.spotter.trainee;

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

/** Trainees, always scoped by their trainer: another trainer's trainee is simply not found. */
public final class TraineeRepository {
  static final TableMapping TABLE = new TableMapping("trainee", List.of(
      Column.of("trainer_id", Kind.UUID_ID),
      Column.of("name", Kind.TEXT),
      Column.of("email", Kind.TEXT),
      Column.of("phone", Kind.TEXT),
      Column.of("date_of_birth", Kind.DATE),
      Column.of("gender", Kind.TEXT),
      Column.of("address", Kind.TEXT),
      Column.of("emergency_contact", Kind.TEXT),
      Column.of("height", Kind.DECIMAL),
      Column.of("current_weight", Kind.DECIMAL),
      Column.of("body_fat_percentage", Kind.DECIMAL),
      Column.of("resting_heart_rate", Kind.INT),
      Column.of("fitness_level", Kind.TEXT),
      Column.of("goals", Kind.JSON, new JsonArray()),
      Column.of("injuries", Kind.JSON, new JsonArray()),
      Column.of("medical_notes", Kind.TEXT),
      Column.of("measurement_history", Kind.JSON, new JsonArray()),
      Column.of("progress_photos", Kind.JSON, new JsonArray())),
      // Set and cleared only by archive and restore.
      List.of(Column.of("archived_at", Kind.TIMESTAMP)));

  private static final String INSERT = TABLE.insertSql();
  private static final String FIND = "SELECT " + TABLE.selectList() + " FROM trainee WHERE id = $1 AND trainer_id = $2";
  /** Serialises read-modify-write of one trainee (measurement appends). */
  private static final String LOCK = FIND + " FOR UPDATE";
  /**
   * In name order, the archived ones ($6 true) or the others. {@code $2} is an ILIKE pattern or null,
   * matched ignoring case and accents (V12).
   */
  private static final String LIST = "SELECT " + TABLE.selectList() + ", " + NameOrder.SORT_KEY
      + " FROM trainee WHERE trainer_id = $1 AND (archived_at IS NOT NULL) = $6"
      + " AND ($2::text IS NULL OR unaccent(name) ILIKE unaccent($2) OR unaccent(email) ILIKE unaccent($2))"
      + " AND " + NameOrder.after(3) + " " + NameOrder.ORDER_BY + " LIMIT $5";
  /** Archives ($3 true, keeping the first archiving time) or restores the trainee. */
  private static final String SET_ARCHIVED = "UPDATE trainee SET archived_at = CASE WHEN $3 THEN coalesce(archived_at, now())"
      + " END, version = version + 1, updated_at = now() WHERE id = $1 AND trainer_id = $2 RETURNING " + TABLE.selectList();
  private static final String UPDATE = TABLE.updateSql("AND trainer_id = $" + (TABLE.updateParameterCount() + 1));
  private static final String DELETE = "DELETE FROM trainee WHERE id = $1 AND trainer_id = $2 AND ($3::int IS NULL OR version = $3)";
  private static final String EXISTS = "SELECT 1 FROM trainee WHERE id = $1 AND trainer_id = $2";

  private final Pool pool;

  public TraineeRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonObject> insert(SqlClient client, UUID trainerId, JsonObject trainee) {
    return client.preparedQuery(INSERT)
        .execute(TABLE.writeTuple(trainee.copy().put("trainerId", trainerId.toString())))
        .map(rows -> TABLE.toJson(rows.iterator().next()));
  }

  public Future<Optional<JsonObject>> find(UUID trainerId, UUID id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id, trainerId)).map(TABLE::first);
  }

  public Future<Optional<JsonObject>> lock(SqlClient tx, UUID trainerId, UUID id) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(id, trainerId)).map(TABLE::first);
  }

  public Future<Boolean> exists(UUID trainerId, UUID id) {
    return pool.preparedQuery(EXISTS).execute(Tuple.of(id, trainerId)).map(rows -> rows.size() > 0);
  }

  public Future<List<Page.Keyed>> list(UUID trainerId, boolean archived, String pattern, String afterKey, UUID afterId,
      int limit) {
    return pool.preparedQuery(LIST)
        .execute(Tuple.of(trainerId, pattern, afterKey, afterId, limit, archived))
        .map(rows -> NameOrder.rows(TABLE, rows));
  }

  /** Empty when the trainer has no such trainee. */
  public Future<Optional<JsonObject>> setArchived(UUID trainerId, UUID id, boolean archived) {
    return pool.preparedQuery(SET_ARCHIVED).execute(Tuple.of(id, trainerId, archived)).map(TABLE::first);
  }

  /** Empty when the row is gone or its version moved on. */
  public Future<Optional<JsonObject>> update(UUID trainerId, JsonObject merged, int expectedVersion) {
    return update(pool, trainerId, merged, expectedVersion);
  }

  public Future<Optional<JsonObject>> update(SqlClient client, UUID trainerId, JsonObject merged, int expectedVersion) {
    Tuple tuple = TABLE.writeTuple(merged)
        .addUUID(UUID.fromString(merged.getString("id")))
        .addInteger(expectedVersion)
        .addUUID(trainerId);
    return client.preparedQuery(UPDATE).execute(tuple).map(TABLE::first);
  }

  /** {@code expectedVersion} null = unconditional. Returns whether a row was deleted. */
  public Future<Boolean> delete(UUID trainerId, UUID id, Integer expectedVersion) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(id, trainerId, expectedVersion)).map(rows -> rows.rowCount() > 0);
  }
}
