package app.spotter.live.command;

import app.spotter.coaching.PersonalRecordRepository;
import app.spotter.exercise.ExerciseRepository;
import app.spotter.infra.db.KeyedRead;
import app.spotter.infra.db.RequireChanged;
import app.spotter.record.SetTarget;
import app.spotter.webhook.WebhookOutbox;
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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
  private static final KeyedRead READ = new KeyedRead("SELECT " + LIVE_COLUMNS + ", " + CommandAnswers.EARLIER
      + " FROM training_session_record WHERE id = $1", "uuid", "text");
  /**
   * Commands' event statements, any number in one statement (their values as arrays, a row each):
   * each session's live columns move on from the version its command read, the event is inserted and
   * so is the set the event writes: appended ({@code set_is_new}, starting the exercise at the event's
   * time unless it started before) or changed. A command whose session or set's exercise changed since
   * it read them writes nothing. With the event go the personal records the command set and its webhook
   * event, if any. Both rows are locked before anything is written, the session first
   * (as under the session lock), and the statement answers the sessions whose command it applied.
   * {@code {skip}} is {@code SKIP LOCKED} in a batch: a session another transaction holds (a command under
   * its lock, say) leaves that command out, to run again under the lock, instead of making its
   * batch-mates wait; so batches never wait for each other. A command that did not read its earlier
   * answer ({@code answer_unread}: it ran on what this instance kept, WarmSessions) is left out when
   * it has one (an event or a kept rejection), or when its new set's id was logged before or is one of
   * its exercise's sets. An exercise record is held only by a writer outside the live engine (an edit
   * of the record), briefly: the batch waits for it, and a command whose exercise it changed runs
   * again on the record as changed. The checks of the earlier answer and set id end in {@code OFFSET 0}
   * so that Postgres cannot plan them as a hash of the whole table: a plan made while the tables
   * are small (a new database) and kept as the generic plan would read the event log and the sets in
   * full at every batch, until the next ANALYZE.
   */
  private static final String SAVE_TEMPLATE = """
      WITH input AS MATERIALIZED (SELECT * FROM unnest({arrays}) AS i ({columns})),
      sessions AS MATERIALIZED (
        SELECT r.id FROM input i CROSS JOIN LATERAL (SELECT id FROM training_session_record
          WHERE id = i.session_id AND version = i.version FOR NO KEY UPDATE {skip}) r),
      exercises AS MATERIALIZED (
        SELECT e.id FROM input i CROSS JOIN LATERAL (SELECT id FROM exercise_record
          WHERE id = i.exercise_id AND version = i.exercise_version AND session_record_id = i.session_id
          FOR NO KEY UPDATE) e
        WHERE i.session_id IN (SELECT id FROM sessions)),
      ok AS MATERIALIZED (
        SELECT i.* FROM input i WHERE i.session_id IN (SELECT id FROM sessions)
          AND (i.exercise_id IS NULL OR i.exercise_id IN (SELECT id FROM exercises))
          AND (NOT i.answer_unread OR (
            NOT EXISTS (SELECT 1 FROM live_session_event v WHERE v.session_record_id = i.session_id AND v.command_id = i.command_id OFFSET 0)
            AND NOT EXISTS (SELECT 1 FROM live_command_rejection j WHERE j.session_record_id = i.session_id AND j.command_id = i.command_id OFFSET 0)
            AND NOT (coalesce(i.set_is_new, false) AND (EXISTS (SELECT 1 FROM live_session_event v
              WHERE v.session_record_id = i.session_id AND v.name = 'set-logged' AND v.payload #>> '{set,id}' = i.set_id OFFSET 0)
              OR EXISTS (SELECT 1 FROM exercise_set s WHERE s.exercise_record_id = i.exercise_id AND s.id = i.set_id OFFSET 0)))))),
      session AS (
        UPDATE training_session_record r SET live_seq = ok.seq, status = ok.status, is_live = (ok.status = 'live'),
          completed = (ok.status = 'completed'), current_exercise_record_id = ok.current_exercise_record_id,
          timer = ok.timer, trainer_notes = ok.trainer_notes, trainee_feedback = ok.trainee_feedback,
          end_time = ok.end_time, version = r.version + 1, updated_at = now()
        FROM ok WHERE r.id = ok.session_id),
      bumped AS (
        UPDATE exercise_record e SET version = e.version + 1, updated_at = now(),
          started_at = CASE WHEN ok.set_is_new THEN coalesce(e.started_at, ok.created_at) ELSE e.started_at END
        FROM ok WHERE e.id = ok.exercise_id),
      added AS (
        INSERT INTO exercise_set (exercise_record_id, id, position, body)
        SELECT exercise_id, set_id, set_position, set_body FROM ok WHERE set_is_new),
      changed AS (
        UPDATE exercise_set s SET body = ok.set_body FROM ok
        WHERE NOT ok.set_is_new AND s.exercise_record_id = ok.exercise_id AND s.id = ok.set_id),
      {coaching}
      events AS (
        INSERT INTO live_session_event (session_record_id, seq, command_id, actor_role, actor_id, name, payload, created_at)
        SELECT session_id, seq, command_id, actor_role, actor_id, name, payload, created_at FROM ok
        RETURNING session_record_id)
      """;
  /** The statement's input columns and their types, in the order of its parameters. */
  private static final List<String> INPUT = List.of("session_id uuid", "version int", "seq bigint", "status text",
      "current_exercise_record_id uuid", "timer jsonb", "trainer_notes text", "trainee_feedback jsonb",
      "end_time timestamptz", "command_id text", "actor_role text", "actor_id uuid", "name text", "payload jsonb",
      "created_at timestamptz", "exercise_id uuid", "exercise_version int", "set_id text", "set_position int",
      "set_body jsonb", "set_is_new boolean", "answer_unread boolean");
  /** The input of what a command may add: personal records and a webhook event. */
  private static final List<String> COACHING_INPUT = List.of("trainer_id uuid", "record_states jsonb",
      "record_log jsonb", "webhook_type text", "webhook_id uuid", "webhook_body text");
  private static final String COACHING_CTES = "record_states AS ("
      + PersonalRecordRepository.saveFrom(rowsOf("record_states")) + "),\n"
      + "record_log AS (" + PersonalRecordRepository.appendLogFrom(rowsOf("record_log")) + "),\n"
      + WebhookOutbox.enqueueCtes("SELECT trainer_id, webhook_type AS type, webhook_id AS id,"
          + " webhook_body AS body FROM ok WHERE webhook_type IS NOT NULL") + ",";
  /**
   * A batch of commands' event statements: answers the sessions whose command it applied. Most
   * batches set no record and announce nothing: their statement leaves those tables out, which spares
   * Postgres opening them and their indexes at every execution.
   */
  static final String SAVE_BATCH = saveStatement(false, "SKIP LOCKED") + "SELECT session_record_id FROM events";
  private static final String SAVE_BATCH_COACHING = saveStatement(true, "SKIP LOCKED")
      + "SELECT session_record_id FROM events";
  /**
   * One command's event statement in its transaction, under the session's lock: when the command's
   * rows changed since it read them, V5's require_changed fails the statement, and the transaction
   * with it, so the event is never written without its changes.
   */
  private static final String SAVE_LOCKED = saveStatement(true, "") + "SELECT require_changed(count(*)) FROM events";
  private static final String EVENTS_AFTER = "SELECT seq, name, payload, actor_role, actor_id, created_at"
      + " FROM live_session_event WHERE session_record_id = $1 AND seq > $2 ORDER BY seq LIMIT $3";
  private static final String ACCESS = "SELECT trainer_id, trainee_id, status, location FROM training_session_record WHERE id = $1";
  private static final String LIVE_OF_TRAINER = "SELECT id, location, trainee_id FROM training_session_record"
      + " WHERE trainer_id = $1 AND status = 'live' ORDER BY start_time, id";
  private static final String SESSION_NAME = "SELECT r.trainee_id, t.name, r.live_seq, r.current_exercise_record_id, r.timer"
      + " FROM training_session_record r JOIN trainee t ON t.id = r.trainee_id WHERE r.id = $1";
  /** Live sessions whose running timer ends before $1: the Redis deadline queue's safety net, and its restore. */
  private static final String RUNNING_TIMERS = "SELECT id, timer FROM training_session_record WHERE status = 'live'"
      + " AND (timer ->> 'running')::boolean AND (timer ->> 'endsAt')::bigint < $1";

  private static final String EXERCISE_EXISTS = "SELECT 1 FROM exercise_record WHERE id = $1";
  private static final String MAKE_ROOM =
      "UPDATE exercise_record SET order_index = order_index + 1 WHERE session_record_id = $1 AND order_index >= $2";
  /**
   * Inserts nothing when the exerciseId ($10) is not one the session's trainer ($11) sees. Values are
   * cast to their base types: the columns are of domain types (V19).
   */
  private static final String INSERT_EXERCISE = "INSERT INTO exercise_record (id, session_record_id, exercise_name,"
      + " target_sets, target_reps, target_weight, rest_between_sets, order_index, superset_group, exercise_id, target_rpe)"
      + " SELECT $1, $2, $3::text, $4::int, $5::int, $6::numeric, $7::int, $8::int, $9::text, $10::text, $12::numeric"
      + " WHERE $10::text IS NULL OR "
      + ExerciseRepository.visibleSql(10, 11);

  private static final String CURRENT_SEQ = "SELECT live_seq FROM training_session_record WHERE id = $1";
  private static final String DISPLAY_LOCATION = "SELECT location FROM display WHERE id = $1";
  private static final String ACCESS_LINK_ACTIVE =
      "SELECT 1 FROM trainee_access_link WHERE id = $1 AND revoked_at IS NULL AND expires_at > now()";

  /** The elements of the jsonb arrays in column {@code column} of every applied command, as one jsonb array in order. */
  private static String rowsOf(String column) {
    return "(SELECT coalesce(jsonb_agg(r ORDER BY ok.session_id, n), '[]'::jsonb) FROM ok,"
        + " jsonb_array_elements(ok." + column + ") WITH ORDINALITY AS e (r, n))";
  }

  /** {@link #SAVE_TEMPLATE} with or without the coaching tables; {@code skip} follows its session lock. */
  private static String saveStatement(boolean coaching, String skip) {
    List<String> columns = new ArrayList<>(INPUT);
    if (coaching) {
      columns.addAll(COACHING_INPUT);
    }
    StringBuilder arrays = new StringBuilder();
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      String[] column = columns.get(i).split(" ");
      String sep = i == 0 ? "" : ", ";
      // JSON goes as text: the client cannot send a null inside a jsonb array.
      arrays.append(sep).append('$').append(i + 1)
          .append(column[1].equals("jsonb") ? "::text[]::jsonb[]" : "::" + column[1] + "[]");
      names.append(sep).append(column[0]);
    }
    return SAVE_TEMPLATE.replace("{arrays}", arrays).replace("{columns}", names)
        .replace("{coaching}", coaching ? COACHING_CTES : "").replace("{skip}", skip);
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
  Future<SessionRead> read(KeyedRead.Reader reader, UUID sessionId, String commandId) {
    return reader.read(READ, Tuple.of(sessionId, commandId)).map(row -> row
        .map(r -> new SessionRead(Optional.of(sessionRow(r)), CommandAnswers.earlier(r)))
        .orElse(new SessionRead(Optional.empty(), new CommandAnswers.Earlier(null, null))));
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
   * What one command's event statement writes: the session's live columns as the command left them,
   * its event, the set the event writes, the personal records it set (state and log rows, as
   * {@code PersonalRecordRepository} writes them) and its webhook event; each of the last three null for none.
   */
  record EventSave(LiveSessionRow session, LiveEvent event, String commandId, SetWrite setWrite,
      RecordRows records, WebhookOutbox.Announcement announcement, boolean answerUnread) {}

  /** Rows of a command's personal records: the new state of each record set, and the log's new rows. */
  record RecordRows(JsonArray states, JsonArray log) {}

  /**
   * Writes the command's event statement in its transaction, which holds the session's lock; false
   * when its set's exercise changed since the command read it (the transaction is then aborted).
   */
  Future<Boolean> saveLocked(SqlClient tx, EventSave save) {
    return RequireChanged.done(tx.preparedQuery(SAVE_LOCKED).execute(arrays(List.of(save), true)));
  }

  /**
   * Writes the event statements of commands of different sessions in one statement, its own
   * transaction; resolves to the sessions whose command it applied (the others wrote nothing).
   */
  Future<Set<UUID>> saveBatch(SqlClient client, List<EventSave> saves) {
    boolean coaching = saves.stream().anyMatch(save -> save.records() != null || save.announcement() != null);
    String statement = coaching ? SAVE_BATCH_COACHING : SAVE_BATCH;
    return client.preparedQuery(statement).execute(arrays(saves, coaching)).map(rows -> {
      Set<UUID> applied = new HashSet<>();
      rows.forEach(r -> applied.add(r.getUUID(0)));
      return applied;
    });
  }

  /**
   * The parameters of {@link #saveStatement}: a column of values per parameter, a row per command;
   * with the coaching columns or without.
   */
  private static Tuple arrays(List<EventSave> saves, boolean coaching) {
    int n = saves.size();
    UUID[] sessionIds = new UUID[n];
    Integer[] versions = new Integer[n];
    Long[] seqs = new Long[n];
    String[] statuses = new String[n];
    UUID[] currentExercises = new UUID[n];
    String[] timers = new String[n];
    String[] trainerNotes = new String[n];
    String[] feedback = new String[n];
    OffsetDateTime[] endTimes = new OffsetDateTime[n];
    String[] commandIds = new String[n];
    String[] actorRoles = new String[n];
    UUID[] actorIds = new UUID[n];
    String[] names = new String[n];
    String[] payloads = new String[n];
    OffsetDateTime[] createdAt = new OffsetDateTime[n];
    UUID[] exerciseIds = new UUID[n];
    Integer[] exerciseVersions = new Integer[n];
    String[] setIds = new String[n];
    Integer[] setPositions = new Integer[n];
    String[] setBodies = new String[n];
    Boolean[] setIsNew = new Boolean[n];
    Boolean[] answerUnread = new Boolean[n];
    UUID[] trainerIds = new UUID[n];
    String[] recordStates = new String[n];
    String[] recordLog = new String[n];
    String[] webhookTypes = new String[n];
    UUID[] webhookIds = new UUID[n];
    String[] webhookBodies = new String[n];
    for (int i = 0; i < n; i++) {
      EventSave save = saves.get(i);
      LiveSessionRow s = save.session();
      LiveEvent event = save.event();
      sessionIds[i] = s.id;
      versions[i] = s.version;
      seqs[i] = event.seq();
      statuses[i] = s.status;
      currentExercises[i] = s.currentExerciseRecordId;
      timers[i] = s.timer == null ? null : s.timer.encode();
      trainerNotes[i] = s.trainerNotes;
      feedback[i] = s.traineeFeedback == null ? "{}" : s.traineeFeedback.encode();
      endTimes[i] = s.endTime == null ? null : OffsetDateTime.parse(s.endTime);
      commandIds[i] = save.commandId();
      answerUnread[i] = save.answerUnread();
      actorRoles[i] = event.actorRole();
      actorIds[i] = event.actorId();
      names[i] = event.name();
      payloads[i] = event.payload().encode();
      createdAt[i] = OffsetDateTime.ofInstant(Instant.ofEpochMilli(event.serverTime()), ZoneOffset.UTC);
      trainerIds[i] = s.trainerId;
      if (save.records() != null) {
        recordStates[i] = save.records().states().encode();
        recordLog[i] = save.records().log().encode();
      }
      if (save.announcement() != null) {
        webhookTypes[i] = save.announcement().type();
        webhookIds[i] = save.announcement().id();
        webhookBodies[i] = save.announcement().body();
      }
      if (save.setWrite() instanceof NewSet added) {
        SetTarget target = added.target();
        exerciseIds[i] = target.id();
        exerciseVersions[i] = target.version();
        setIds[i] = added.set().getString("id");
        setPositions[i] = target.setCount() + 1;
        setBodies[i] = added.set().encode();
        setIsNew[i] = true;
      } else if (save.setWrite() instanceof ChangedSet changed) {
        exerciseIds[i] = changed.exerciseId();
        exerciseVersions[i] = changed.version();
        setIds[i] = changed.set().getString("id");
        setBodies[i] = changed.set().encode();
        setIsNew[i] = false;
      }
    }
    Tuple arrays = Tuple.tuple().addArrayOfUUID(sessionIds).addArrayOfInteger(versions).addArrayOfLong(seqs)
        .addArrayOfString(statuses).addArrayOfUUID(currentExercises).addArrayOfString(timers)
        .addArrayOfString(trainerNotes).addArrayOfString(feedback).addArrayOfOffsetDateTime(endTimes)
        .addArrayOfString(commandIds).addArrayOfString(actorRoles).addArrayOfUUID(actorIds).addArrayOfString(names)
        .addArrayOfString(payloads).addArrayOfOffsetDateTime(createdAt).addArrayOfUUID(exerciseIds)
        .addArrayOfInteger(exerciseVersions).addArrayOfString(setIds).addArrayOfInteger(setPositions)
        .addArrayOfString(setBodies).addArrayOfBoolean(setIsNew).addArrayOfBoolean(answerUnread);
    return coaching ? arrays.addArrayOfUUID(trainerIds).addArrayOfString(recordStates).addArrayOfString(recordLog)
        .addArrayOfString(webhookTypes).addArrayOfUUID(webhookIds).addArrayOfString(webhookBodies) : arrays;
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

  /** [sessionId, timer] of every live session whose running timer ends before {@code millis}. */
  public Future<List<JsonArray>> runningTimersEndingBefore(long millis) {
    return pool.preparedQuery(RUNNING_TIMERS).execute(Tuple.of(millis)).map(rows -> {
      List<JsonArray> out = new ArrayList<>();
      rows.forEach(r -> out.add(new JsonArray().add(r.getUUID("id").toString()).add(r.getJson("timer"))));
      return out;
    });
  }
}
