package app.spotter.live.command;

import app.spotter.coaching.PersonalRecordRepository.ForSet;
import app.spotter.coaching.PersonalRecords;
import app.spotter.infra.db.KeyedRead;
import app.spotter.live.command.LiveRepository.ChangedSet;
import app.spotter.record.ExerciseRecordRepository;
import app.spotter.record.SetTarget;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The reads a command makes, each made once. A command's first reads ({@link LiveCommand#prefetch})
 * are made in one statement with the session's read ({@code ReadGroup}, batched with other commands'
 * reads, {@code ReadBatches}), or right behind its lock, which they wait for so they see the previous
 * command committed; either way they cost no round trip of their own, and the command then finds
 * their answers here. An answer is the row as first read: a command that saves a row keeps the copy
 * it saved rather than reading it here again. For a command that runs on what this instance kept of
 * its session ({@link #kept}), the answers come from that alone.
 */
final class CommandReads {
  private final KeyedRead.Reader reader;
  private final UUID sessionId;
  private final JsonObject payload;
  private final ExerciseRecordRepository exercises;
  private final PersonalRecords records;
  private final Map<String, Future<?>> made = new HashMap<>();
  /** When not null, reads are answered from it alone, and one it cannot answer fails with {@link WarmSessions#MISS}. */
  private final WarmSessions.Session warm;

  CommandReads(KeyedRead.Reader reader, UUID sessionId, JsonObject payload, ExerciseRecordRepository exercises,
      PersonalRecords records) {
    this(reader, sessionId, payload, exercises, records, null);
  }

  /** Reads answered by what the session's last commit on this instance left ({@link WarmSessions}). */
  static CommandReads kept(WarmSessions.Session warm, UUID sessionId, JsonObject payload) {
    return new CommandReads(null, sessionId, payload, null, null, warm);
  }

  private CommandReads(KeyedRead.Reader reader, UUID sessionId, JsonObject payload, ExerciseRecordRepository exercises,
      PersonalRecords records, WarmSessions.Session warm) {
    this.reader = reader;
    this.sessionId = sessionId;
    this.payload = payload;
    this.exercises = exercises;
    this.records = records;
    this.warm = warm;
  }

  /** The exercise record whose id is the payload's {@code field}, which must belong to this session. */
  Future<JsonObject> exercise(String field) {
    return once("exercise " + field, () -> warm != null ? Future.failedFuture(WarmSessions.MISS)
        : named(field, id -> exercises.find(reader, sessionId, id).map(found -> found.orElseThrow(CommandRejected::noSuchExercise))));
  }

  /** The same exercise record as a set logged into it sees it (log-set's setId is asked about). */
  Future<SetTarget> setTarget(String field) {
    return once("set target " + field, () -> named(field, id -> warm != null ? kept(warm.target(id))
        : exercises.findSetTarget(reader, sessionId, id, payload.getString("setId"))));
  }

  /**
   * The set (the payload's setId) of the exercise record named by {@code field}, with the exercise's
   * id and version as read: the command writes its change as a {@code ChangedSet} of that version.
   * On what was kept, only the exercise's last set logged here is known.
   */
  Future<ChangedSet> set(String field) {
    String setId = payload.getString("setId");
    return once("set " + field, () -> warm != null ? named(field, id -> kept(warm.set(id, setId)))
        : exercise(field).map(exercise -> {
          for (Object set : exercise.getJsonArray("sets", new JsonArray())) {
            if (setId.equals(((JsonObject) set).getString("id"))) {
              return new ChangedSet(UUID.fromString(exercise.getString("id")), exercise.getInteger("version"),
                  (JsonObject) set);
            }
          }
          throw CommandRejected.notFound("no set " + setId + " in this exercise record");
        }));
  }

  /** The personal records of the exercise named by {@code field}, as its set (the payload's setId) sees them. */
  Future<Optional<ForSet>> records(String field) {
    String setId = payload.getString("setId");
    return once("records " + field, () -> named(field, id -> warm != null ? kept(warm.records(id, setId).map(Optional::of))
        : records.forSet(reader, sessionId, id, setId)));
  }

  /** The records of the exercise named by {@code field} as read, if they were read (and found). */
  @SuppressWarnings("unchecked")
  Optional<ForSet> recordsRead(String field) {
    Future<?> read = made.get("records " + field);
    return read != null && read.succeeded() ? (Optional<ForSet>) read.result() : Optional.empty();
  }

  /** Whether a read could not be answered by what the session's last commit here left. */
  boolean missed() {
    return made.values().stream().anyMatch(f -> f.failed() && f.cause() == WarmSessions.MISS);
  }

  private static <T> Future<T> kept(Optional<T> found) {
    return found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(WarmSessions.MISS));
  }

  /** {@code read} of the id in the payload's {@code field}. */
  private <T> Future<T> named(String field, Function<UUID, Future<T>> read) {
    UUID id;
    try {
      id = uuid(payload, field);
    } catch (CommandRejected invalid) {
      return Future.failedFuture(invalid); // also when prefetched: it runs inside the transaction's work
    }
    return read.apply(id);
  }

  /**
   * The payload's {@code field} as a UUID. The contract's uuid format also admits forms no id of ours
   * has ({@code urn:uuid:…}, a trailing newline): those are invalid here, not a failure to retry.
   */
  static UUID uuid(JsonObject payload, String field) {
    UUID id = PlainUuid.orNull(payload.getValue(field));
    if (id == null) {
      throw CommandRejected.invalidField(field, "must be a plain UUID");
    }
    return id;
  }

  /**
   * Resolves when the exercise record whose id is the payload's {@code field} belongs to this session
   * (fails not-found otherwise): {@link #exercise}, or, on what was kept, an exercise kept there.
   */
  Future<Void> exerciseExists(String field) {
    if (warm == null) {
      return exercise(field).mapEmpty(); // made once by exercise
    }
    return once("exists " + field, () -> named(field, id -> kept(warm.target(id))).mapEmpty());
  }

  /** {@link #exerciseExists} of the payload's {@code field}, when the payload has one. */
  void exerciseExistsIfNamed(String field) {
    if (payload.getString(field) != null) {
      exerciseExists(field);
    }
  }

  /** {@link #exercise} of the payload's {@code field}, when the payload has one. */
  void exerciseIfNamed(String field) {
    if (payload.getString(field) != null) {
      exercise(field);
    }
  }

  @SuppressWarnings("unchecked")
  private <T> Future<T> once(String key, Supplier<Future<T>> read) {
    Future<?> answer = made.get(key);
    if (answer == null) {
      answer = read.get(); // not in computeIfAbsent: one read may be made of another (a set of its exercise)
      made.put(key, answer);
    }
    return (Future<T>) answer;
  }
}
