package app.spotter.record;

import app.spotter.auth.Principal;
import app.spotter.auth.Role;
import app.spotter.http.ApiException;
import app.spotter.http.Page;
import app.spotter.infra.db.Versioned;
import app.spotter.trainee.TraineeService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Session records: the trainer's workout history, a trainee's view of their own (without trainer notes),
 * and sessions logged by hand. {@code status} drives the {@code completed}/{@code isLive} flags; a live
 * record is the live socket's alone.
 */
public final class SessionRecordService {
  private static final String LIVE = "live";

  private final Pool pool;
  private final RecordRepository records;
  private final ExerciseRecordRepository exerciseRecords;
  private final RecordExerciseService exercises;
  private final TraineeService trainees;

  public SessionRecordService(Pool pool, RecordRepository records, ExerciseRecordRepository exerciseRecords,
      RecordExerciseService exercises, TraineeService trainees) {
    this.pool = pool;
    this.records = records;
    this.exerciseRecords = exerciseRecords;
    this.exercises = exercises;
    this.trainees = trainees;
  }

  /** Newest first. A trainee sees only their own; a trainee id the caller may not see is 404. */
  public Future<JsonObject> list(Principal caller, RecordFilter filter, Page page) {
    After<LocalDate> after = After.of(page, date -> LocalDate.parse((String) date));
    RecordFilter scoped = caller.is(Role.TRAINEE) && filter.traineeId() == null ? filter.forTrainee(caller.id()) : filter;
    Future<Void> visible = scoped.traineeId() == null ? Future.succeededFuture() : trainees.get(caller, scoped.traineeId()).mapEmpty();
    return visible
        .compose(v -> records.list(caller.trainerId(), scoped, after.value(), after.id(), page.fetchSize()))
        .compose(this::withExercises)
        .map(rows -> page.body(rows.stream().map(r -> view(caller, r)).toList(),
            r -> new JsonArray().add(r.getString("sessionDate")).add(r.getString("id"))));
  }

  /** The record with its exercises inline, in order. */
  public Future<JsonObject> get(Principal caller, UUID id) {
    return records.find(caller.trainerId(), caller.is(Role.TRAINEE) ? caller.id() : null, id)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("session record")))
        .compose(this::withExercises)
        .map(record -> view(caller, record));
  }

  /** Logs a session by hand: the record and its exercises with their sets, in one transaction. */
  public Future<JsonObject> create(Principal caller, JsonObject body) {
    UUID trainerId = caller.requireTrainer();
    JsonObject record = body.copy();
    record.remove("exercises");
    record.put("trainerId", trainerId.toString()).put("status", body.getString("status", "completed"));
    if (isLive(record)) {
      throw ApiException.invalidField("status", "a live session starts with POST /live-sessions");
    }
    withRules(record);
    List<JsonObject> inline = inlineExercises(body.getJsonArray("exercises", new JsonArray()), trainerId);
    return trainees.get(caller, UUID.fromString(body.getString("traineeId")))
        .compose(t -> requireTrainingSessionOwned(trainerId, body.getString("trainingSessionId")))
        .compose(v -> exercises.requireTemplatesOwned(trainerId, inline))
        .compose(v -> pool.withTransaction(tx -> records.insert(tx, record)
            .compose(created -> {
              inline.forEach(e -> e.put("sessionRecordId", created.getString("id")));
              return exerciseRecords.insertAll(tx, inline).map(list -> created.put("exercises", new JsonArray(list)));
            })));
  }

  public Future<JsonObject> update(Principal caller, UUID id, JsonObject patch, OptionalInt ifMatch) {
    UUID trainerId = caller.requireTrainer();
    String traineeId = patch.getString("traineeId");
    Future<?> traineeVisible = traineeId == null ? Future.succeededFuture() : trainees.get(caller, UUID.fromString(traineeId));
    return traineeVisible
        .compose(v -> requireTrainingSessionOwned(trainerId, patch.getString("trainingSessionId")))
        .compose(v -> Versioned.patch(records.find(trainerId, null, id).map(SessionRecordService::storedNotLive),
            "session record", ifMatch, patch, merged -> withRules(notLive(merged)),
            (merged, version) -> records.update(trainerId, merged, version)))
        .compose(this::withExercises);
  }

  public Future<Void> delete(Principal caller, UUID id, OptionalInt ifMatch) {
    UUID trainerId = caller.requireTrainer();
    return Versioned.delete(records.find(trainerId, null, id).map(SessionRecordService::storedNotLive), "session record",
        ifMatch, version -> records.delete(trainerId, id, version));
  }

  static boolean isLive(JsonObject record) {
    return LIVE.equals(record.getString("status"));
  }

  private static Optional<JsonObject> storedNotLive(Optional<JsonObject> found) {
    found.ifPresent(SessionRecordService::notLive);
    return found;
  }

  /** Neither from live (the stored record) nor to live (the merged one) over REST. */
  private static JsonObject notLive(JsonObject record) {
    if (isLive(record)) {
      throw ApiException.conflict(RecordExerciseService.LIVE_ONLY_BY_SOCKET);
    }
    return record;
  }

  /** Keeps the flags the table checks in step with status, and times in order. */
  private static JsonObject withRules(JsonObject record) {
    String status = record.getString("status");
    record.put("completed", "completed".equals(status)).put("isLive", LIVE.equals(status));
    String start = record.getString("startTime");
    String end = record.getString("endTime");
    if (start != null && end != null && Instant.parse(end).isBefore(Instant.parse(start))) {
      throw ApiException.invalidField("endTime", "must not be before startTime");
    }
    return record;
  }

  private Future<JsonObject> withExercises(JsonObject record) {
    return withExercises(List.of(record)).map(list -> list.get(0));
  }

  /** The records with their exercises inline (one query for all of them). */
  private Future<List<JsonObject>> withExercises(List<JsonObject> list) {
    if (list.isEmpty()) {
      return Future.succeededFuture(list);
    }
    List<UUID> ids = list.stream().map(r -> UUID.fromString(r.getString("id"))).toList();
    return exerciseRecords.ofRecords(ids).map(byRecord -> {
      list.forEach(r -> r.put("exercises", byRecord.getOrDefault(r.getString("id"), new JsonArray())));
      return list;
    });
  }

  private static List<JsonObject> inlineExercises(JsonArray inputs, UUID trainerId) {
    List<JsonObject> out = new ArrayList<>(inputs.size());
    int next = 0;
    for (int i = 0; i < inputs.size(); i++) {
      JsonObject exercise = RecordExerciseService.prepared(inputs.getJsonObject(i), "exercises[" + i + "].", trainerId);
      Integer given = exercise.getInteger("orderIndex");
      exercise.put("orderIndex", given != null ? given : next);
      next = Math.max(next, exercise.getInteger("orderIndex") + 1);
      out.add(exercise);
    }
    return out;
  }

  private Future<Void> requireTrainingSessionOwned(UUID trainerId, String trainingSessionId) {
    if (trainingSessionId == null) {
      return Future.succeededFuture();
    }
    return records.trainingSessionExists(trainerId, UUID.fromString(trainingSessionId)).map(exists -> {
      if (!exists) {
        throw ApiException.notFound("training session");
      }
      return null;
    });
  }

  /** What the caller may see: a trainee never sees the trainer's notes. */
  private static JsonObject view(Principal caller, JsonObject record) {
    if (caller.is(Role.TRAINEE)) {
      record.remove("trainerNotes");
    }
    return record;
  }
}
