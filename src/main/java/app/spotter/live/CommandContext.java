package app.spotter.live;

import app.spotter.auth.Principal;
import app.spotter.record.ExerciseRecordRepository;
import app.spotter.record.SetTarget;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What a command sees while it runs inside its session's transaction, under the session lock. */
final class CommandContext {
  final SqlClient tx;
  final LiveSessionRow session;
  final Principal actor;
  final JsonObject payload;
  final long now;
  final CommandReads reads;
  private final ExerciseRecordRepository exercises;
  private final LiveRepository live;
  private final List<Future<JsonObject>> writes = new ArrayList<>();

  CommandContext(SqlClient tx, LiveSessionRow session, CommandReads reads, Principal actor, JsonObject payload, long now,
      ExerciseRecordRepository exercises, LiveRepository live) {
    this.tx = tx;
    this.session = session;
    this.reads = reads;
    this.actor = actor;
    this.payload = payload;
    this.now = now;
    this.exercises = exercises;
    this.live = live;
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
   * version check is read from the answer, so the command must wait for it (it does: its event shows
   * the stored row); a conflict then fails the command before COMMIT is sent.
   */
  Future<JsonObject> save(JsonObject exercise) {
    return written(exercises.update(tx, exercise, exercise.getInteger("version")));
  }

  /** Appends {@code set} to the target exercise, starting the exercise at its first set. */
  void appendSet(SetTarget target, JsonObject set) {
    String startedAt = target.startedAt() == null ? nowIso() : target.startedAt();
    writtenBlind(exercises.appendSet(tx, target, set, startedAt));
  }

  /** Writes one changed set of {@code exercise}. */
  void saveSet(JsonObject exercise, JsonObject set) {
    writtenBlind(exercises.updateSet(tx, exercise, set));
  }

  /** Writes all of {@code exercise}'s sets (one was removed). */
  void saveSets(JsonObject exercise) {
    writtenBlind(exercises.rewriteSets(tx, exercise));
  }

  /** Registers a version-checked write; empty means the row changed (or went) meanwhile. */
  private Future<JsonObject> written(Future<Optional<JsonObject>> write) {
    Future<JsonObject> saved = write
        .map(row -> row.orElseThrow(() -> CommandRejected.conflict("the exercise record changed meanwhile")));
    writes.add(saved);
    return saved;
  }

  /**
   * {@link #written} for a write nobody waits for: its answer may come after COMMIT was sent, so its
   * version check fails as a statement, which rolls the transaction back; false means that happened.
   */
  private void writtenBlind(Future<Boolean> write) {
    written(write.map(done -> done ? Optional.of(new JsonObject()) : Optional.<JsonObject>empty()));
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
