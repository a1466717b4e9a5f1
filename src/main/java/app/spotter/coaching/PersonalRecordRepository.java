package app.spotter.coaching;

import app.spotter.infra.db.KeyedRead;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * SQL of personal records (V16): the records of a trainee's exercise, the log of which set set which,
 * and the history they are replayed from. Log rows travel as JSON objects named by their columns.
 */
public final class PersonalRecordRepository {
  /**
   * Every set of history with where it was lifted, in the order records are folded: by trainee and
   * exercise identity, then as lifted. Sessions that took place only (not scheduled ones); warm-ups
   * too, so that a change that makes one a working set finds it in place (the fold skips them).
   */
  private static final String HISTORY_SELECT = """
      SELECT r.trainee_id, x.identity, r.id AS session_record_id, r.session_date, e.id AS exercise_record_id,
        e.exercise_name, s.body, t.unit
      FROM training_session_record r
      JOIN trainer t ON t.id = r.trainer_id
      JOIN exercise_record e ON e.session_record_id = r.id
      CROSS JOIN LATERAL (SELECT exercise_identity(e.exercise_id, e.exercise_name) AS identity) x
      JOIN exercise_set s ON s.exercise_record_id = e.id
      WHERE r.status <> 'scheduled'""";
  private static final String HISTORY_ORDER =
      " ORDER BY r.trainee_id, x.identity, r.session_date, r.start_time NULLS LAST, r.id, e.order_index, e.id, s.position";
  /** All of history, for filling the records once (V16_1). */
  public static final String BACKFILL_HISTORY = HISTORY_SELECT + HISTORY_ORDER;
  private static final String HISTORY = HISTORY_SELECT + " AND r.trainee_id = $1 AND x.identity = ANY($2)" + HISTORY_ORDER;
  /**
   * The trainee's ($1) live session, unless it is $2 (a trainee has at most one), moves on a version:
   * a command of it that read the records before a replay then loses its race and runs again under
   * the session's lock, which it waits for until the replay commits.
   */
  private static final String MOVE_LIVE_SESSION = "UPDATE training_session_record SET version = version + 1"
      + " WHERE trainee_id = $1 AND status = 'live' AND id <> $2";
  /** Replays of one trainee's records take turns at the trainee's row. */
  private static final String LOCK_TRAINEE = "SELECT 1 FROM trainee WHERE id = $1 FOR NO KEY UPDATE";
  /**
   * The records of the exercise ($1, of session $2) a set is logged into or changed in, with the
   * trainer's unit, and whether the set ($3) is in the log (a change to it may move records).
   */
  private static final KeyedRead FOR_SET = new KeyedRead("""
      SELECT r.trainee_id, x.identity, e.exercise_id, e.exercise_name, t.unit, p.e1rm_kg, p.rep_maxes, r.session_date,
        EXISTS (SELECT 1 FROM personal_record_log l WHERE l.exercise_record_id = $1 AND l.set_id = $3) AS in_log
      FROM exercise_record e
      JOIN training_session_record r ON r.id = e.session_record_id
      JOIN trainer t ON t.id = r.trainer_id
      CROSS JOIN LATERAL (SELECT exercise_identity(e.exercise_id, e.exercise_name) AS identity) x
      LEFT JOIN personal_record p ON p.trainee_id = r.trainee_id AND p.identity = x.identity
      WHERE e.id = $1 AND e.session_record_id = $2""", "uuid", "uuid", "text");
  /** The trainees and exercises whose records a change to the session ($1) may move: now in it, or logged from it. */
  private static final String OF_SESSION = """
      SELECT r.trainee_id, exercise_identity(e.exercise_id, e.exercise_name) AS identity
      FROM exercise_record e JOIN training_session_record r ON r.id = e.session_record_id WHERE r.id = $1
      UNION SELECT trainee_id, identity FROM personal_record_log WHERE session_record_id = $1""";
  private static final String CLEAR = "WITH gone AS (DELETE FROM personal_record_log WHERE trainee_id = $1"
      + " AND identity = ANY($2)) DELETE FROM personal_record WHERE trainee_id = $1 AND identity = ANY($2)";
  /** Records ($1: [{trainee_id, identity, e1rm_kg, rep_maxes}]) written over what was stored. */
  public static final String SAVE = saveFrom("$1::jsonb");
  /** Log rows ($1, in order) appended. */
  public static final String APPEND_LOG = appendLogFrom("$1::jsonb");

  /** {@link #SAVE} of the rows of {@code rows}, a jsonb array expression (also a live command's, in its event's statement). */
  public static String saveFrom(String rows) {
    return """
        INSERT INTO personal_record (trainee_id, identity, e1rm_kg, rep_maxes)
        SELECT trainee_id, identity, e1rm_kg, rep_maxes
        FROM jsonb_to_recordset(%s) AS x (trainee_id uuid, identity text, e1rm_kg float8, rep_maxes jsonb)
        ON CONFLICT (trainee_id, identity) DO UPDATE SET e1rm_kg = excluded.e1rm_kg, rep_maxes = excluded.rep_maxes"""
        .formatted(rows);
  }

  /** {@link #APPEND_LOG} of the rows of {@code rows}, a jsonb array expression, in its order. */
  public static String appendLogFrom(String rows) {
    return """
        INSERT INTO personal_record_log (trainee_id, identity, kind, value, previous, session_record_id, session_date,
          exercise_record_id, exercise_name, set_id, reps, weight_kg, e1rm_kg, rpe)
        SELECT trainee_id, identity, kind, value, previous, session_record_id, session_date, exercise_record_id,
          exercise_name, set_id, reps, weight_kg, e1rm_kg, rpe
        FROM ROWS FROM (jsonb_to_recordset(%s) AS (trainee_id uuid, identity text, kind text, value float8,
          previous float8, session_record_id uuid, session_date date, exercise_record_id uuid, exercise_name text,
          set_id text, reps integer, weight_kg float8, e1rm_kg float8, rpe float8)) WITH ORDINALITY AS x
        ORDER BY x.ordinality""".formatted(rows);
  }
  /** The records set in a session ($1), baselines left out, in the session's order of exercises and sets. */
  private static final String OF_SESSION_LOG = """
      SELECT to_jsonb(l) FROM personal_record_log l
      LEFT JOIN exercise_record e ON e.id = l.exercise_record_id
      LEFT JOIN exercise_set s ON s.exercise_record_id = l.exercise_record_id AND s.id = l.set_id
      WHERE l.session_record_id = $1 AND l.previous IS NOT NULL ORDER BY e.order_index, s.position, l.id""";
  /**
   * A trainee's ($1) current records per exercise: the e1RM and weight records (the highest of their
   * log), the rep maxes each with the log row that set it, and the name it was last logged under.
   */
  private static final String OF_TRAINEE = """
      SELECT * FROM (SELECT p.identity, p.e1rm_kg,
        (SELECT to_jsonb(l) FROM personal_record_log l WHERE l.trainee_id = p.trainee_id AND l.identity = p.identity
         AND l.kind = 'e1rm' ORDER BY l.value DESC, l.id LIMIT 1) AS e1rm,
        (SELECT to_jsonb(l) FROM personal_record_log l WHERE l.trainee_id = p.trainee_id AND l.identity = p.identity
         AND l.kind = 'weight' ORDER BY l.value DESC, l.id LIMIT 1) AS weight,
        (SELECT jsonb_agg(to_jsonb(l) ORDER BY m.reps) FROM jsonb_to_recordset(p.rep_maxes) AS m (reps integer, kg float8)
         CROSS JOIN LATERAL (SELECT * FROM personal_record_log l WHERE l.trainee_id = p.trainee_id
           AND l.identity = p.identity AND l.kind = 'reps' AND l.reps = m.reps AND l.weight_kg = m.kg
           ORDER BY l.id DESC LIMIT 1) l) AS rep_maxes,
        (SELECT l.exercise_name FROM personal_record_log l WHERE l.trainee_id = p.trainee_id AND l.identity = p.identity
         ORDER BY l.id DESC LIMIT 1) AS exercise_name
      FROM personal_record p WHERE p.trainee_id = $1) AS current ORDER BY lower(exercise_name), identity""";

  /** The records of the exercise a set goes into, the session's date, and whether that set is in the log. */
  public record ForSet(UUID traineeId, String identity, String exerciseId, String exerciseName, WeightUnit unit, ExerciseRecords records,
      String sessionDate, boolean inLog) {}

  /** One exercise's current records: the log rows of its e1RM and weight records and of each rep max. */
  public record Current(String identity, String exerciseName, JsonObject e1rm, JsonObject weight, JsonArray repMaxes) {}

  private final Pool pool;

  public PersonalRecordRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Optional<ForSet>> forSet(KeyedRead.Reader reader, UUID sessionId, UUID exerciseRecordId, String setId) {
    return reader.read(FOR_SET, Tuple.of(exerciseRecordId, sessionId, setId)).map(row -> row.map(r ->
        new ForSet(r.getUUID("trainee_id"), r.getString("identity"), r.getString("exercise_id"),
            r.getString("exercise_name"),
            WeightUnit.of(r.getString("unit"), WeightUnit.KG),
            ExerciseRecords.of(r.getDouble("e1rm_kg"), (JsonArray) r.getJson("rep_maxes")),
            r.getLocalDate("session_date").toString(), r.getBoolean("in_log"))));
  }

  /**
   * The sets of the trainee's exercises, by identity, each oldest first, read in {@code tx} to replay
   * their records, which it then writes. {@code sessionId} is the session the replay comes from.
   * Before the read, the trainee's live session moves on, unless it is that session (whose lock
   * the caller then holds), and the trainee's row is locked, in the order a live command takes them.
   * So a replay waits for the live session's command in flight, and sees its set; a live command
   * that read the records before the replay runs again after it; and replays of the trainee take turns.
   */
  Future<Map<String, List<HistorySet>>> historyToReplay(SqlClient tx, UUID traineeId, Set<String> identities,
      UUID sessionId) {
    Future<?> moved = tx.preparedQuery(MOVE_LIVE_SESSION).execute(Tuple.of(traineeId, sessionId));
    Future<?> locked = tx.preparedQuery(LOCK_TRAINEE).execute(Tuple.of(traineeId));
    Future<Map<String, List<HistorySet>>> history = tx.preparedQuery(HISTORY)
        .execute(Tuple.of(traineeId, (Object) identities.toArray(new String[0])))
        .map(rows -> {
          Map<String, List<HistorySet>> out = new LinkedHashMap<>();
          identities.forEach(identity -> out.put(identity, new ArrayList<>()));
          rows.forEach(r -> out.get(r.getString("identity")).add(historySet(r)));
          return out;
        });
    return Future.all(moved, locked, history).map(all -> history.result());
  }

  static HistorySet historySet(Row r) {
    return new HistorySet(r.getUUID("trainee_id"), r.getString("identity"), r.getUUID("session_record_id"),
        r.getLocalDate("session_date").toString(), r.getUUID("exercise_record_id"), r.getString("exercise_name"),
        (JsonObject) r.getJson("body"), WeightUnit.of(r.getString("unit"), WeightUnit.KG));
  }

  /**
   * Trainee id to the identities a change to the session may move; trainees in one order (UUID's), so
   * that replays of two trainees lock them in the same order.
   */
  Future<Map<UUID, Set<String>>> ofSession(SqlClient client, UUID sessionId) {
    return client.preparedQuery(OF_SESSION).execute(Tuple.of(sessionId)).map(rows -> {
      Map<UUID, Set<String>> out = new TreeMap<>();
      rows.forEach(r -> out.computeIfAbsent(r.getUUID(0), id -> new java.util.TreeSet<>()).add(r.getString(1)));
      return out;
    });
  }

  /** Drops the trainee's records and log of {@code identities}, to be written afresh behind it. */
  Future<Void> clear(SqlClient tx, UUID traineeId, Set<String> identities) {
    return tx.preparedQuery(CLEAR).execute(Tuple.of(traineeId, (Object) identities.toArray(new String[0]))).mapEmpty();
  }

  Future<Void> saveAll(SqlClient tx, JsonArray stateRows) {
    return stateRows.isEmpty() ? Future.succeededFuture() : tx.preparedQuery(SAVE).execute(Tuple.of(stateRows)).mapEmpty();
  }

  public static JsonObject stateRow(UUID traineeId, String identity, ExerciseRecords records) {
    return new JsonObject().put("trainee_id", traineeId.toString()).put("identity", identity)
        .put("e1rm_kg", records.e1rmKg()).put("rep_maxes", records.repMaxesJson());
  }

  Future<Void> appendLog(SqlClient tx, JsonArray logRows) {
    return logRows.isEmpty() ? Future.succeededFuture() : tx.preparedQuery(APPEND_LOG).execute(Tuple.of(logRows)).mapEmpty();
  }

  /** The log rows of the records set in the session, in order. */
  Future<List<JsonObject>> ofSessionLog(UUID sessionId) {
    return pool.preparedQuery(OF_SESSION_LOG).execute(Tuple.of(sessionId)).map(rows -> {
      List<JsonObject> out = new ArrayList<>();
      rows.forEach(r -> out.add((JsonObject) r.getJson(0)));
      return out;
    });
  }

  Future<List<Current>> ofTrainee(UUID traineeId) {
    return pool.preparedQuery(OF_TRAINEE).execute(Tuple.of(traineeId)).map(rows -> {
      List<Current> out = new ArrayList<>();
      rows.forEach(r -> out.add(new Current(r.getString("identity"), r.getString("exercise_name"),
          (JsonObject) r.getJson("e1rm"), (JsonObject) r.getJson("weight"),
          r.getJson("rep_maxes") == null ? new JsonArray() : (JsonArray) r.getJson("rep_maxes"))));
      return out;
    });
  }
}
