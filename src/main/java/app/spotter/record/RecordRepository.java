package app.spotter.record;

import app.spotter.infra.db.Column;
import app.spotter.infra.db.Kind;
import app.spotter.infra.db.TableMapping;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Session records (workout history), always scoped by trainer and, for a trainee caller, by trainee.
 * The live engine's current exercise and timer are not mapped; REST never writes a live record.
 */
public final class RecordRepository {
  static final TableMapping TABLE = new TableMapping("training_session_record", List.of(
      Column.of("training_session_id", Kind.UUID_ID),
      Column.of("trainee_id", Kind.UUID_ID),
      Column.of("trainer_id", Kind.UUID_ID),
      Column.of("session_date", Kind.DATE),
      Column.of("start_time", Kind.TIMESTAMP),
      Column.of("end_time", Kind.TIMESTAMP),
      Column.of("location", Kind.TEXT),
      Column.of("completed", Kind.BOOL, false),
      Column.of("is_live", Kind.BOOL, false),
      Column.of("status", Kind.TEXT),
      Column.of("trainer_notes", Kind.TEXT),
      Column.of("trainee_feedback", Kind.JSON, new JsonObject()),
      Column.of("session_metadata", Kind.JSON, new JsonObject()),
      // Written back unchanged by REST: only the live engine moves it, and REST never writes a live record.
      Column.of("live_seq", Kind.BIGINT, 0L)));

  private static final String INSERT = TABLE.insertSql();
  /** {@code $3} is the trainee a trainee caller is limited to, null for a trainer. */
  private static final String FIND = "SELECT " + TABLE.selectList() + " FROM training_session_record"
      + " WHERE id = $1 AND trainer_id = $2 AND ($3::uuid IS NULL OR trainee_id = $3)";
  /** Locks the record so exercise writes under it are serialised (order index, live check). */
  private static final String LOCK = FIND + " FOR UPDATE";
  /** When a record started, for the list's time filters. */
  private static final String STARTS_AT = "COALESCE(start_time, session_date::timestamp AT TIME ZONE 'UTC')";
  /** Newest first; the cursor is (session_date, id). */
  private static final String LIST = "SELECT " + TABLE.selectList() + " FROM training_session_record"
      + " WHERE trainer_id = $1 AND ($2::uuid IS NULL OR trainee_id = $2)"
      + " AND ($3::timestamptz IS NULL OR " + STARTS_AT + " >= $3)"
      + " AND ($4::timestamptz IS NULL OR " + STARTS_AT + " < $4)"
      + " AND ($5::text IS NULL OR status = $5)"
      + " AND ($6::date IS NULL OR (session_date, id) < ($6, $7::uuid))"
      + " AND ($9::text IS NULL OR EXISTS (SELECT 1 FROM exercise_record e WHERE e.session_record_id = training_session_record.id"
      + " AND (e.exercise_id = trim($9) OR lower(trim(e.exercise_name)) = lower(trim($9)))))"
      + " ORDER BY session_date DESC, id DESC LIMIT $8";
  private static final String UPDATE = TABLE.updateSql("AND trainer_id = $" + (TABLE.updateParameterCount() + 1)
      + " AND status <> 'live'");
  private static final String DELETE = "DELETE FROM training_session_record"
      + " WHERE id = $1 AND trainer_id = $2 AND version = $3 AND status <> 'live'";
  private static final String TRAINING_SESSION_EXISTS = "SELECT 1 FROM training_session WHERE id = $1 AND trainer_id = $2";

  /** A consistent read for live snapshots: waits for a running command, and holds the next one off. */
  private static final String READ_SHARED = "SELECT " + TABLE.selectList() + " FROM training_session_record"
      + " WHERE id = $1 FOR SHARE";

  private final Pool pool;

  public RecordRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonObject> insert(SqlClient tx, JsonObject record) {
    return tx.preparedQuery(INSERT).execute(TABLE.writeTuple(record)).map(rows -> TABLE.toJson(rows.iterator().next()));
  }

  public Future<Optional<JsonObject>> find(UUID trainerId, UUID traineeScope, UUID id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id, trainerId, traineeScope)).map(TABLE::first);
  }

  public Future<Optional<JsonObject>> readShared(SqlClient tx, UUID id) {
    return tx.preparedQuery(READ_SHARED).execute(Tuple.of(id)).map(TABLE::first);
  }

  public Future<Optional<JsonObject>> lock(SqlClient tx, UUID trainerId, UUID id) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(id, trainerId, null)).map(TABLE::first);
  }

  public Future<List<JsonObject>> list(UUID trainerId, RecordFilter filter, LocalDate afterDate, UUID afterId, int limit) {
    Tuple tuple = Tuple.of(trainerId, filter.traineeId(), filter.from(), filter.to(), filter.status(), afterDate)
        .addUUID(afterId)
        .addInteger(limit)
        .addString(filter.exercise());
    return pool.preparedQuery(LIST).execute(tuple).map(TABLE::all);
  }

  /** Empty when the row is gone or its version moved on. */
  public Future<Optional<JsonObject>> update(SqlClient tx, UUID trainerId, JsonObject merged, int expectedVersion) {
    Tuple tuple = TABLE.writeTuple(merged)
        .addUUID(UUID.fromString(merged.getString("id")))
        .addInteger(expectedVersion)
        .addUUID(trainerId);
    return tx.preparedQuery(UPDATE).execute(tuple).map(TABLE::first);
  }

  /** Deletes the record (its exercises cascade) unless it went live or changed meanwhile. */
  public Future<Boolean> delete(SqlClient tx, UUID trainerId, UUID id, int expectedVersion) {
    return tx.preparedQuery(DELETE).execute(Tuple.of(id, trainerId, expectedVersion)).map(rows -> rows.rowCount() > 0);
  }

  public Future<Boolean> trainingSessionExists(UUID trainerId, UUID trainingSessionId) {
    return pool.preparedQuery(TRAINING_SESSION_EXISTS).execute(Tuple.of(trainingSessionId, trainerId))
        .map(rows -> rows.size() > 0);
  }
}
