package app.spotter.live;

import app.spotter.auth.Principal;
import app.spotter.record.ExerciseRecordRepository;
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
   * Writes a changed exercise record back (its version moves on), resolving to the row as stored.
   * The statement is sent at once; a command that needs nothing of the stored row need not wait for
   * it: the transaction commits only once every write succeeded ({@link #writesDone}), so a failed
   * write takes the event with it.
   */
  Future<JsonObject> save(JsonObject exercise) {
    return written(exercises.update(tx, exercise, exercise.getInteger("version")));
  }

  /** {@link #save} for a change to the sets (and start time) only: writes those columns, reads nothing back. */
  void saveSets(JsonObject exercise) {
    written(exercises.updateSets(tx, exercise, exercise.getInteger("version"))
        .map(updated -> updated ? Optional.of(exercise) : Optional.<JsonObject>empty()));
  }

  /** Registers a version-checked write; empty means the row changed (or went) meanwhile. */
  private Future<JsonObject> written(Future<Optional<JsonObject>> write) {
    Future<JsonObject> saved = write
        .map(row -> row.orElseThrow(() -> CommandRejected.conflict("the exercise record changed meanwhile")));
    writes.add(saved);
    return saved;
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
