package app.spotter.live.command;

import app.spotter.auth.Principal;
import app.spotter.coaching.LiveCoaching;
import app.spotter.coaching.PersonalRecords;
import app.spotter.record.ExerciseRecordRepository;
import app.spotter.record.SetTarget;
import app.spotter.webhook.EventType;
import app.spotter.webhook.WebhookOutbox;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a command sees while it runs: the session as read, its reads, and the writes it may make. Only
 * a command that runs in a transaction under the session lock may write before its event.
 */
final class CommandContext {
  /** The command's transaction when it runs under the lock, else a connection without one. */
  private final SqlClient client;
  private final boolean locked;
  final LiveSessionRow session;
  final Principal actor;
  final JsonObject payload;
  final long now;
  final CommandReads reads;
  private final ExerciseRecordRepository exercises;
  private final LiveRepository live;
  private final PersonalRecords records;
  private final LiveCoaching coaching;
  /** Every write the command sent; {@link #saves} are those whose answer it reads. */
  private final List<Future<?>> writes = new ArrayList<>();
  private final List<Future<JsonObject>> saves = new ArrayList<>();
  private final Function<LiveRepository.EventSave, Future<Boolean>> eventWriter;
  private LiveRepository.SetWrite setWrite;
  private LiveRepository.RecordRows recordRows;
  private PersonalRecords.Logged logged;
  private WebhookOutbox.Announcement announcement;
  /** Whether the command's earlier answer was left unread (WarmSessions): its event's statement checks it. */
  private final boolean answerUnread;
  private LiveRepository.EventSave eventSave;

  /**
   * {@code eventWriter} sends the event's statement: in the command's transaction under the lock, else
   * to be batched with other sessions' commands; it resolves to false when the command's rows changed.
   */
  CommandContext(SqlClient client, boolean locked, Function<LiveRepository.EventSave, Future<Boolean>> eventWriter,
      LiveSessionRow session, CommandReads reads, boolean answerUnread, Principal actor, JsonObject payload, long now,
      ExerciseRecordRepository exercises, LiveRepository live, PersonalRecords records,
      LiveCoaching coaching) {
    this.answerUnread = answerUnread;
    this.client = client;
    this.locked = locked;
    this.eventWriter = eventWriter;
    this.session = session;
    this.reads = reads;
    this.actor = actor;
    this.payload = payload;
    this.now = now;
    this.exercises = exercises;
    this.live = live;
    this.records = records;
    this.coaching = coaching;
  }

  /** The command's transaction, for writes before its event: only a command that runs under the lock has one. */
  SqlClient tx() {
    if (!locked) {
      throw new IllegalStateException("a command whose writes go out in its event's statement wrote before it");
    }
    return client;
  }

  /**
   * Resolves when the command runs under the session's lock; else fails so that it runs again under
   * it, at once: for a command that writes in its event's statement until it finds it must write more
   * (a replay of records).
   */
  Future<Void> underLock() {
    return locked ? Future.succeededFuture() : Future.failedFuture(CommandProcessor.NEEDS_LOCK);
  }

  PersonalRecords records() {
    return records;
  }

  String nowIso() {
    return Instant.ofEpochMilli(now).toString();
  }

  UUID uuid(String field) {
    return CommandReads.uuid(payload, field);
  }

  /** The exercise record named by {@code field}, which must belong to this session. */
  Future<JsonObject> exercise(String field) {
    return reads.exercise(field);
  }

  /**
   * Writes a changed exercise record back (its version moves on), resolving to the row as stored. Its
   * version check is read from the answer, so the command must wait for it before it resolves (it
   * does: its event shows the stored row); a conflict then fails the command before COMMIT is sent.
   * {@link #savesAnswered} lets the processor make sure.
   */
  Future<JsonObject> save(JsonObject exercise) {
    Future<JsonObject> saved = exercises.update(tx(), exercise, exercise.getInteger("version"))
        .map(row -> row.orElseThrow(CommandContext::changedMeanwhile));
    saves.add(saved);
    writes.add(saved);
    return saved;
  }

  /**
   * Appends {@code set} to the target exercise, starting the exercise at its first set. It goes out
   * with the event, in one statement ({@link #saveSession}), as {@link #updateSet} does.
   */
  void appendSet(SetTarget target, JsonObject set) {
    writeWithEvent(new LiveRepository.NewSet(target, set));
  }

  /** Writes {@code set}, the new body of the set {@code read}, with the event. */
  void updateSet(LiveRepository.ChangedSet read, JsonObject set) {
    writeWithEvent(new LiveRepository.ChangedSet(read.exerciseId(), read.version(), set));
  }

  /** The event's statement writes one set: a command that changes more runs in a transaction. */
  private void writeWithEvent(LiveRepository.SetWrite write) {
    if (setWrite != null) {
      throw new IllegalStateException("a command's event writes one set");
    }
    setWrite = write;
  }

  /** A webhook event of the session's trainer, written with the event: it is announced only if the command commits. */
  void announce(EventType type, JsonObject data) {
    if (announcement != null) {
      throw new IllegalStateException("a command announces one webhook event");
    }
    announcement = WebhookOutbox.announcement(type, data);
  }

  /** The personal records the command set, written with the event. */
  void recordsWithEvent(PersonalRecords.Logged logged) {
    this.logged = logged;
    recordRows = new LiveRepository.RecordRows(PersonalRecords.states(logged), logged.log());
  }

  /** The records the command's set moved, or null. */
  PersonalRecords.Logged logged() {
    return logged;
  }

  /** The injury flags of one of the session's exercise records, as the command's transaction sees it (trainer-only). */
  Future<JsonArray> injuryFlags(UUID exerciseRecordId) {
    return coaching.flags(tx(), session.id, exerciseRecordId);
  }

  /** Writes all of {@code exercise}'s sets (one was removed). */
  void rewriteSets(JsonObject exercise) {
    sentBlind(exercises.rewriteSets(tx(), exercise));
  }

  /**
   * Registers a write nobody waits for: its answer may come after COMMIT was sent, so its version
   * check fails as a statement, which rolls the transaction back; false means that happened.
   */
  private void sentBlind(Future<Boolean> write) {
    writes.add(write.map(done -> {
      if (!done) {
        throw changedMeanwhile();
      }
      return done;
    }));
  }

  private static CommandRejected changedMeanwhile() {
    return CommandRejected.conflict("the exercise record changed meanwhile");
  }

  /** Writes the session's live columns and {@code event}, with the set left for it: the command's last write. */
  void saveSession(LiveEvent event, String commandId) {
    eventSave = new LiveRepository.EventSave(session, event, commandId, setWrite, recordRows, announcement, answerUnread);
    sentBlind(eventWriter.apply(eventSave));
  }

  /** What {@link #saveSession} wrote. */
  LiveRepository.EventSave eventSave() {
    return eventSave;
  }

  /** Whether every {@link #save} has been answered: only then may COMMIT follow. */
  boolean savesAnswered() {
    return saves.stream().allMatch(Future::isComplete);
  }

  Future<Void> writesDone() {
    return Future.all(writes).mapEmpty();
  }

  LiveRepository live() {
    return live;
  }

  ExerciseRecordRepository exercises() {
    return exercises;
  }

  JsonObject actorJson() {
    return new JsonObject().put("role", actor.role().wire()).put("id", actor.id().toString());
  }
}
