package app.spotter.program;

import app.spotter.infra.db.Column;
import app.spotter.infra.db.Kind;
import app.spotter.infra.db.TableMapping;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The training sessions of programs, and the ownership checks for what a session refers to. */
public final class TrainingSessionRepository {
  static final TableMapping TABLE = new TableMapping("training_session", List.of(
      Column.of("program_id", Kind.UUID_ID),
      Column.of("session_template_id", Kind.UUID_ID),
      Column.of("trainer_id", Kind.UUID_ID),
      Column.of("trainee_id", Kind.UUID_ID),
      Column.of("name", Kind.TEXT),
      Column.of("description", Kind.TEXT),
      Column.of("session_type", Kind.TEXT),
      Column.of("focus_area", Kind.TEXT),
      Column.of("estimated_duration", Kind.INT),
      Column.of("warmup", Kind.JSON, new JsonArray()),
      Column.of("cooldown", Kind.JSON, new JsonArray()),
      Column.of("week_number", Kind.INT),
      Column.of("session_number", Kind.INT)));

  /** Sessions without a week or number sort after those with one. */
  private static final int UNNUMBERED = Integer.MAX_VALUE;
  /**
   * Program order: week, number, then creation. Creation time is cut to the milliseconds a client
   * (and so a cursor) sees, with the id breaking ties, so a cursor names an exact position.
   */
  private static final String ORDER = "coalesce(week_number, " + UNNUMBERED + "), coalesce(session_number, "
      + UNNUMBERED + "), date_trunc('milliseconds', created_at), id";

  private static final String INSERT = TABLE.insertSql();
  /** Every session of program $1 copied into program $2; an assigned one is assigned to trainee $3 instead. */
  private static final String COPY_ALL = TABLE.copySql(Map.of("program_id", "$2",
      "trainee_id", "CASE WHEN trainee_id IS NULL THEN NULL ELSE $3::uuid END"), "program_id = $1");
  private static final String FIND = "SELECT " + TABLE.selectList() + " FROM training_session"
      + " WHERE id = $1 AND program_id = $2 AND trainer_id = $3";
  private static final String ALL_OF_PROGRAMS = "SELECT " + TABLE.selectList() + " FROM training_session"
      + " WHERE program_id = ANY($1) ORDER BY " + ORDER;
  private static final String LIST = "SELECT " + TABLE.selectList() + " FROM training_session WHERE program_id = $1"
      + " AND ($2::int IS NULL OR (" + ORDER + ") > ($2, $3::int, $4::timestamptz, $5::uuid))"
      + " ORDER BY " + ORDER + " LIMIT $6";
  private static final String LATEST_WEEK = "SELECT max(week_number) FROM training_session WHERE program_id = $1";
  private static final String UPDATE = TABLE.updateSql("AND trainer_id = $" + (TABLE.updateParameterCount() + 1));
  private static final String DELETE =
      "DELETE FROM training_session WHERE id = $1 AND program_id = $2 AND trainer_id = $3 AND version = $4";
  /** Ownership checks; the key-share lock keeps the row from being deleted before the session is written. */
  private static final String TEMPLATE_EXISTS =
      "SELECT 1 FROM session_template WHERE id = $1 AND trainer_id = $2 FOR KEY SHARE";
  private static final String TRAINEE_EXISTS = "SELECT 1 FROM trainee WHERE id = $1 AND trainer_id = $2 FOR KEY SHARE";

  /** A session's place in program order: the cursor {@link #list} continues after. */
  static JsonArray sortKey(JsonObject session) {
    return new JsonArray()
        .add(orUnnumbered(session.getInteger("weekNumber")))
        .add(orUnnumbered(session.getInteger("sessionNumber")))
        .add(session.getString("createdAt"))
        .add(session.getString("id"));
  }

  /** The key is present with null when unset, so the default of getInteger(key, default) never applies. */
  private static int orUnnumbered(Integer value) {
    return value == null ? UNNUMBERED : value;
  }

  /** {@code session} carries its programId and trainerId. */
  public Future<JsonObject> insert(SqlClient db, JsonObject session) {
    return db.preparedQuery(INSERT).execute(TABLE.writeTuple(session)).map(rows -> TABLE.toJson(rows.iterator().next()));
  }

  /** Copies the sessions of program {@code from} into {@code to}, the assigned ones for {@code traineeId}. */
  public Future<Void> copyAll(SqlClient tx, UUID from, UUID to, UUID traineeId) {
    return tx.preparedQuery(COPY_ALL).execute(Tuple.of(from, to, traineeId)).mapEmpty();
  }

  public Future<Optional<JsonObject>> find(SqlClient db, UUID trainerId, UUID programId, UUID id) {
    return db.preparedQuery(FIND).execute(Tuple.of(id, programId, trainerId))
        .map(TABLE::first);
  }

  /** Every session of these programs, each program's in program order: the {@code sessions} of program responses. */
  public Future<List<JsonObject>> allOf(SqlClient db, List<UUID> programIds) {
    return db.preparedQuery(ALL_OF_PROGRAMS).execute(Tuple.tuple().addArrayOfUUID(programIds.toArray(UUID[]::new)))
        .map(TABLE::all);
  }

  /** The page after the position ({@code afterWeek} … {@code afterId}) a cursor names; all null for the first. */
  public Future<List<JsonObject>> list(SqlClient db, UUID programId, Integer afterWeek, Integer afterNumber,
      OffsetDateTime afterCreatedAt, UUID afterId, int limit) {
    Tuple tuple = Tuple.of(programId, afterWeek, afterNumber, afterCreatedAt, afterId, limit);
    return db.preparedQuery(LIST).execute(tuple).map(TABLE::all);
  }

  /** The highest week number among the program's sessions; null when none has one. */
  public Future<Integer> latestWeek(SqlClient db, UUID programId) {
    return db.preparedQuery(LATEST_WEEK).execute(Tuple.of(programId)).map(rows -> rows.iterator().next().getInteger(0));
  }

  /** Empty when the row is gone or its version moved on. */
  public Future<Optional<JsonObject>> update(SqlClient db, UUID trainerId, JsonObject merged, int expectedVersion) {
    Tuple tuple = TABLE.writeTuple(merged)
        .addUUID(UUID.fromString(merged.getString("id")))
        .addInteger(expectedVersion)
        .addUUID(trainerId);
    return db.preparedQuery(UPDATE).execute(tuple)
        .map(TABLE::first);
  }

  /** Returns whether a row was deleted; records of it keep their history (their link is set to null). */
  public Future<Boolean> delete(SqlClient db, UUID trainerId, UUID programId, UUID id, int expectedVersion) {
    return db.preparedQuery(DELETE).execute(Tuple.of(id, programId, trainerId, expectedVersion))
        .map(rows -> rows.rowCount() > 0);
  }

  public Future<Boolean> templateExists(SqlClient db, UUID trainerId, UUID templateId) {
    return db.preparedQuery(TEMPLATE_EXISTS).execute(Tuple.of(templateId, trainerId)).map(rows -> rows.size() > 0);
  }

  public Future<Boolean> traineeExists(SqlClient db, UUID trainerId, UUID traineeId) {
    return db.preparedQuery(TRAINEE_EXISTS).execute(Tuple.of(traineeId, trainerId)).map(rows -> rows.size() > 0);
  }
}
