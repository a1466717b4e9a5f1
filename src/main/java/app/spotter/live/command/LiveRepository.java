package app.spotter.live.command;

import app.spotter.exercise.ExerciseRepository;
import app.spotter.infra.db.RequireChanged;
import app.spotter.record.SetTarget;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL of the live engine: the session's live columns as commands read and write them, with their
 * events, and the event log as subscribers read it.
 */
public final class LiveRepository {
  private static final String LIVE_COLUMNS = "id, trainer_id, trainee_id, live_seq, version, status,"
      + " current_exercise_record_id, timer, trainer_notes, trainee_feedback, end_time";
  /**
   * The per-session lock: a command that runs under it runs after the previous one committed. It
   * lets inserts that refer to the session (their foreign-key checks) through, as an update does.
   */
  private static final String LOCK = "SELECT " + LIVE_COLUMNS + " FROM training_session_record WHERE id = $1"
      + " FOR NO KEY UPDATE";
  /** The session without the lock, and the command's earlier answer in the same snapshot. */
  private static final String READ = "SELECT " + LIVE_COLUMNS + ", " + CommandAnswers.EARLIER
      + " FROM training_session_record WHERE id = $1";
  private static final String EVENT_INSERT = "INSERT INTO live_session_event"
      + " (session_record_id, seq, command_id, actor_role, actor_id, name, payload, created_at)";
  /** The session's live columns, if its version ($15) is still the one the command read. */
  private static final String SESSION_UPDATE = """
      UPDATE training_session_record SET live_seq = $2, status = $3, is_live = ($3 = 'live'), completed = ($3 = 'completed'),
        current_exercise_record_id = $4, timer = $5, trainer_notes = $6, trainee_feedback = $7, end_time = $8,
        version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $15 RETURNING id""";
  /**
   * The session's live columns and the event that moved them on, in one statement. When the session
   * changed since the command read it, V5's require_changed fails the statement (and the transaction
   * it is in), so the event is never written without its changes.
   */
  private static final String SAVE = "WITH session AS (" + SESSION_UPDATE + ") " + eventAfter("session");
  /**
   * {@link #SAVE} with a new set of an exercise record: the exercise's version moves on ($16 id, $17
   * version; started at the event's time unless it started before) and the set is inserted ($18 id,
   * $19 position, $20 body). A changed exercise fails the statement as a changed session does.
   */
  private static final String SAVE_WITH_NEW_SET = "WITH session AS (" + SESSION_UPDATE + "),"
      + exerciseBumped(", started_at = coalesce(started_at, $14)")
      + " added AS (INSERT INTO exercise_set (exercise_record_id, id, position, body)"
      + " SELECT id, $18, $19, $20 FROM bumped RETURNING 1) " + eventAfter("added");
  /** {@link #SAVE} with one changed set of an exercise record: $16 and $17 as above, $18 its id, $19 its body. */
  private static final String SAVE_WITH_CHANGED_SET = "WITH session AS (" + SESSION_UPDATE + "),"
      + exerciseBumped("") + " changed AS (UPDATE exercise_set s SET body = $19 FROM bumped"
      + " WHERE s.exercise_record_id = bumped.id AND s.id = $18 RETURNING 1) " + eventAfter("changed");
  private static final String EVENTS_AFTER = "SELECT seq, name, payload, actor_role, actor_id, created_at"
      + " FROM live_session_event WHERE session_record_id = $1 AND seq > $2 ORDER BY seq LIMIT $3";
  private static final String ACCESS = "SELECT trainer_id, trainee_id, status, location FROM training_session_record WHERE id = $1";
  private static final String LIVE_OF_TRAINER = "SELECT id, location, trainee_id FROM training_session_record"
      + " WHERE trainer_id = $1 AND status = 'live' ORDER BY start_time, id";
  private static final String SESSION_NAME = "SELECT r.trainee_id, t.name, r.live_seq, r.current_exercise_record_id, r.timer"
      + " FROM training_session_record r JOIN trainee t ON t.id = r.trainee_id WHERE r.id = $1";
  /** Live sessions whose running timer is past its deadline: the safety net behind the Redis deadline queue. */
  private static final String OVERDUE_TIMERS = "SELECT id, timer FROM training_session_record WHERE status = 'live'"
      + " AND (timer ->> 'running')::boolean AND (timer ->> 'endsAt')::bigint < $1";

  private static final String EXERCISE_EXISTS = "SELECT 1 FROM exercise_record WHERE id = $1";
  private static final String MAKE_ROOM =
      "UPDATE exercise_record SET order_index = order_index + 1 WHERE session_record_id = $1 AND order_index >= $2";
  /** Inserts nothing when the exerciseId ($10) is not one the session's trainer ($11) sees. */
  private static final String INSERT_EXERCISE = "INSERT INTO exercise_record (id, session_record_id, exercise_name,"
      + " target_sets, target_reps, target_weight, rest_between_sets, order_index, superset_group, exercise_id, target_rpe)"
      + " SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text, $12 WHERE $10::text IS NULL OR "
      + ExerciseRepository.visibleSql(10, 11);

  private static final String CURRENT_SEQ = "SELECT live_seq FROM training_session_record WHERE id = $1";
  private static final String DISPLAY_LOCATION = "SELECT location FROM display WHERE id = $1";
  private static final String ACCESS_LINK_ACTIVE =
      "SELECT 1 FROM trainee_access_link WHERE id = $1 AND revoked_at IS NULL AND expires_at > now()";

  /**
   * The CTE that moves the set's exercise ($16) on from the version the command read ($17). It is
   * written after the session, the order under the lock too, so no two commands take the two rows in
   * opposite orders and deadlock.
   */
  private static String exerciseBumped(String alsoSet) {
    return " bumped AS (UPDATE exercise_record SET version = version + 1, updated_at = now()" + alsoSet
        + " WHERE id = $16 AND version = $17 AND session_record_id = (SELECT id FROM session) RETURNING id),";
  }

  /** The event's insert, which writes only if {@code written} (a CTE of the statement) wrote a row. */
  private static String eventAfter(String written) {
    return EVENT_INSERT + " SELECT $1, $2, $9, $10, $11, $12, $13, $14"
        + " FROM (SELECT require_changed(count(*)) FROM " + written + ") AS checked";
  }

  /** Who may see a session, for access checks without a lock. */
  public record Access(UUID trainerId, UUID traineeId, String status, String location) {}

  /** A live session, where it takes place and whose it is. */
  public record LiveSessionPlace(UUID id, String location, UUID traineeId) {}

  /** What a snapshot needs beyond the REST record. */
  public record LiveColumns(UUID traineeId, String traineeName, long seq, UUID currentExerciseRecordId, JsonObject timer) {}

  private final Pool pool;

  public LiveRepository(Pool pool) {
    this.pool = pool;
  }

  /** A session as a command reads it, and the answer the command got if it was sent before. */
  record SessionRead(Optional<LiveSessionRow> session, CommandAnswers.Earlier earlier) {}

  Future<Optional<LiveSessionRow>> lock(SqlClient tx, UUID sessionId) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(sessionId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(sessionRow(rows.iterator().next())));
  }

  /** The session without the lock: what a command reads that then writes in its event's statement. */
  Future<SessionRead> read(SqlClient conn, UUID sessionId, String commandId) {
    return conn.preparedQuery(READ).execute(Tuple.of(sessionId, commandId)).map(rows -> {
      if (rows.size() == 0) {
        return new SessionRead(Optional.empty(), new CommandAnswers.Earlier(null, null));
      }
      Row r = rows.iterator().next();
      return new SessionRead(Optional.of(sessionRow(r)), CommandAnswers.earlier(r));
    });
  }

  private static LiveSessionRow sessionRow(Row r) {
    OffsetDateTime end = r.getOffsetDateTime("end_time");
    return new LiveSessionRow(r.getUUID("id"), r.getUUID("trainer_id"), r.getUUID("trainee_id"), r.getLong("live_seq"),
        r.getInteger("version"), r.getString("status"), r.getUUID("current_exercise_record_id"),
        (JsonObject) r.getJson("timer"), r.getString("trainer_notes"), (JsonObject) r.getJson("trainee_feedback"),
        end == null ? null : end.toInstant().toString());
  }

  Future<Boolean> exerciseExists(SqlClient tx, UUID exerciseId) {
    return tx.preparedQuery(EXERCISE_EXISTS).execute(Tuple.of(exerciseId)).map(rows -> rows.size() > 0);
  }

  /** Shifts the exercises at {@code index} and after one place down, freeing {@code index}. */
  Future<Void> makeRoomAt(SqlClient tx, UUID sessionId, int index) {
    return tx.preparedQuery(MAKE_ROOM).execute(Tuple.of(sessionId, index)).mapEmpty();
  }

  /** False when the payload's exerciseId is unknown or another trainer's: nothing was inserted. */
  Future<Boolean> insertExercise(SqlClient tx, LiveSessionRow session, UUID id, JsonObject added, int index) {
    Number weight = (Number) added.getValue("targetWeight");
    Number rpe = (Number) added.getValue("targetRpe");
    return tx.preparedQuery(INSERT_EXERCISE).execute(Tuple.tuple().addUUID(id).addUUID(session.id)
            .addString(added.getString("exerciseName")).addInteger(added.getInteger("targetSets"))
            .addInteger(added.getInteger("targetReps"))
            .addValue(weight == null ? null : io.vertx.sqlclient.data.Numeric.create(weight))
            .addInteger(added.getInteger("restBetweenSets")).addInteger(index)
            .addString(added.getString("supersetGroup"))
            .addString(added.getString("exerciseId")).addUUID(session.trainerId)
            .addValue(rpe == null ? null : io.vertx.sqlclient.data.Numeric.create(rpe)))
        .map(rows -> rows.rowCount() > 0);
  }

  /** The set an event writes, in its statement: one command writes at most one. */
  sealed interface SetWrite permits NewSet, ChangedSet {}

  /** A set to append to an exercise record. */
  record NewSet(SetTarget target, JsonObject set) implements SetWrite {}

  /** A new body of one set of an exercise record, read at {@code version}. */
  record ChangedSet(UUID exerciseId, int version, JsonObject set) implements SetWrite {}

  /**
   * Writes the session's live columns and the event that moved it to {@code event.seq()}, and the
   * event's set if there is one; false when the session or that set's exercise changed since the
   * command read them (a transaction it is in is then aborted).
   */
  Future<Boolean> saveSession(SqlClient tx, LiveSessionRow s, LiveEvent event, String commandId, SetWrite setWrite) {
    Tuple values = Tuple.tuple().addUUID(s.id).addLong(event.seq()).addString(s.status)
        .addUUID(s.currentExerciseRecordId).addValue(s.timer).addString(s.trainerNotes)
        .addValue(s.traineeFeedback == null ? new JsonObject() : s.traineeFeedback)
        .addValue(s.endTime == null ? null : OffsetDateTime.parse(s.endTime))
        .addString(commandId).addString(event.actorRole()).addUUID(event.actorId()).addString(event.name())
        .addValue(event.payload())
        .addValue(OffsetDateTime.ofInstant(Instant.ofEpochMilli(event.serverTime()), ZoneOffset.UTC))
        .addInteger(s.version);
    String statement = SAVE;
    if (setWrite instanceof NewSet added) {
      SetTarget target = added.target();
      values.addUUID(target.id()).addInteger(target.version())
          .addString(added.set().getString("id")).addInteger(target.setCount() + 1).addValue(added.set());
      statement = SAVE_WITH_NEW_SET;
    } else if (setWrite instanceof ChangedSet changed) {
      values.addUUID(changed.exerciseId()).addInteger(changed.version())
          .addString(changed.set().getString("id")).addValue(changed.set());
      statement = SAVE_WITH_CHANGED_SET;
    }
    return RequireChanged.done(tx.preparedQuery(statement).execute(values));
  }

  /** Events after {@code afterSeq}, in order, at most {@code limit}. */
  public Future<List<LiveEvent>> eventsAfter(UUID sessionId, long afterSeq, int limit) {
    return pool.preparedQuery(EVENTS_AFTER).execute(Tuple.of(sessionId, afterSeq, limit)).map(rows -> {
      List<LiveEvent> events = new ArrayList<>(rows.size());
      for (Row r : rows) {
        events.add(new LiveEvent(sessionId, r.getLong("seq"), r.getString("name"), (JsonObject) r.getJson("payload"),
            r.getOffsetDateTime("created_at").toInstant().toEpochMilli(), r.getString("actor_role"),
            r.getUUID("actor_id")));
      }
      return events;
    });
  }

  public Future<Optional<Access>> access(UUID sessionId) {
    return pool.preparedQuery(ACCESS).execute(Tuple.of(sessionId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new Access(r.getUUID("trainer_id"), r.getUUID("trainee_id"), r.getString("status"),
          r.getString("location")));
    });
  }

  /** The trainer's live sessions, oldest first. */
  public Future<List<LiveSessionPlace>> liveSessionsOf(UUID trainerId) {
    return pool.preparedQuery(LIVE_OF_TRAINER).execute(Tuple.of(trainerId)).map(rows -> {
      List<LiveSessionPlace> sessions = new ArrayList<>();
      rows.forEach(r -> sessions.add(new LiveSessionPlace(r.getUUID("id"), r.getString("location"), r.getUUID("trainee_id"))));
      return sessions;
    });
  }

  public Future<Long> currentSeq(UUID sessionId) {
    return pool.preparedQuery(CURRENT_SEQ).execute(Tuple.of(sessionId))
        .map(rows -> rows.size() == 0 ? -1L : rows.iterator().next().getLong(0));
  }

  public Future<Boolean> accessLinkActive(UUID linkId) {
    return pool.preparedQuery(ACCESS_LINK_ACTIVE).execute(Tuple.of(linkId)).map(rows -> rows.size() > 0);
  }

  public Future<String> displayLocation(UUID displayId) {
    return pool.preparedQuery(DISPLAY_LOCATION).execute(Tuple.of(displayId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
  }

  public Future<Optional<LiveColumns>> liveColumns(SqlClient tx, UUID sessionId) {
    return tx.preparedQuery(SESSION_NAME).execute(Tuple.of(sessionId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new LiveColumns(r.getUUID("trainee_id"), r.getString("name"), r.getLong("live_seq"),
          r.getUUID("current_exercise_record_id"), (JsonObject) r.getJson("timer")));
    });
  }

  /** [sessionId, timer] of every live session whose running timer ended before {@code nowMillis}. */
  public Future<List<JsonArray>> overdueTimers(long nowMillis) {
    return pool.preparedQuery(OVERDUE_TIMERS).execute(Tuple.of(nowMillis)).map(rows -> {
      List<JsonArray> out = new ArrayList<>();
      rows.forEach(r -> out.add(new JsonArray().add(r.getUUID("id").toString()).add(r.getJson("timer"))));
      return out;
    });
  }
}
