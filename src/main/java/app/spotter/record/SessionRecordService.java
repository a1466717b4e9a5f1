package app.spotter.record;

import app.spotter.api.ApiException;
import app.spotter.api.Page;
import app.spotter.auth.Principal;
import app.spotter.auth.Role;
import app.spotter.coaching.CoachingRepository;
import app.spotter.coaching.PersonalRecords;
import app.spotter.coaching.SessionSummary;
import app.spotter.infra.db.Versioned;
import app.spotter.trainee.TraineeService;
import app.spotter.webhook.EventType;
import app.spotter.webhook.WebhookOutbox;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Session records: the trainer's workout history, a trainee's view of their own (without trainer notes),
 * and sessions logged by hand. {@code status} drives the {@code completed}/{@code isLive} flags; a live
 * record is the live socket's alone.
 */
public final class SessionRecordService {
  private final Pool pool;
  private final RecordRepository records;
  private final ExerciseRecordRepository exerciseRecords;
  private final RecordExerciseService exercises;
  private final TraineeService trainees;
  private final WebhookOutbox webhooks;
  private final CoachingRepository coaching;
  private final PersonalRecords personalRecords;

  public SessionRecordService(Pool pool, RecordRepository records, ExerciseRecordRepository exerciseRecords,
      RecordExerciseService exercises, TraineeService trainees, WebhookOutbox webhooks, CoachingRepository coaching,
      PersonalRecords personalRecords) {
    this.pool = pool;
    this.records = records;
    this.exerciseRecords = exerciseRecords;
    this.exercises = exercises;
    this.trainees = trainees;
    this.webhooks = webhooks;
    this.coaching = coaching;
    this.personalRecords = personalRecords;
  }

  /**
   * Newest first, each with its {@code stats}. A trainee sees only their own; a trainee id the caller
   * may not see is 404.
   */
  public Future<JsonObject> list(Principal caller, RecordFilter filter, Page page) {
    LocalDate afterDate = page.afterDate(0);
    UUID afterId = page.afterUuid(1);
    RecordFilter scoped = caller.is(Role.TRAINEE) && filter.traineeId() == null ? filter.forTrainee(caller.id()) : filter;
    Future<Void> visible = scoped.traineeId() == null ? Future.succeededFuture() : trainees.get(caller, scoped.traineeId()).mapEmpty();
    return visible
        .compose(v -> records.list(caller.trainerId(), scoped, afterDate, afterId, page.fetchSize()))
        .compose(this::withExercises)
        .compose(rows -> coaching.trainerUnit(caller.trainerId()).map(unit -> page.body(rows.stream()
            .map(r -> RecordRules.view(caller, r).put("stats", SessionSummary.stats(r, unit))).toList(),
            r -> new JsonArray().add(r.getString("sessionDate")).add(r.getString("id")))));
  }

  /** The numbers a session ends with, in the trainer's unit, for whoever may read the record, with the records it set. */
  public Future<JsonObject> summary(Principal caller, UUID id) {
    return get(caller, id).compose(record -> coaching.trainerUnit(caller.trainerId())
        .compose(unit -> personalRecords.ofSession(id, unit)
            .map(set -> SessionSummary.of(record, unit, Instant.now()).put("records", set))));
  }

  /** The record with its exercises inline, in order. */
  public Future<JsonObject> get(Principal caller, UUID id) {
    return records.find(caller.trainerId(), caller.is(Role.TRAINEE) ? caller.id() : null, id)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("session record")))
        .compose(this::withExercises)
        .map(record -> RecordRules.view(caller, record));
  }

  /** Logs a session by hand: the record, its exercises with their sets and its {@code record.created} event, in one transaction. */
  public Future<JsonObject> create(Principal caller, JsonObject body) {
    UUID trainerId = caller.requireTrainer();
    JsonObject record = body.copy();
    record.remove("exercises");
    record.put("trainerId", trainerId.toString()).put("status", body.getString("status", "completed"));
    if (RecordRules.isLive(record)) {
      throw ApiException.invalidField("status", "a live session starts with POST /live-sessions");
    }
    RecordRules.withStatusFlagsAndTimes(record);
    List<JsonObject> inline = RecordExerciseService.preparedAll(body.getJsonArray("exercises", new JsonArray()), trainerId);
    return trainees.get(caller, UUID.fromString(body.getString("traineeId")))
        .compose(t -> requireTrainingSessionOwned(trainerId, body.getString("trainingSessionId")))
        .compose(v -> exercises.requireReferencesVisible(trainerId, inline))
        .compose(v -> pool.withTransaction(tx -> records.insert(tx, record)
            .compose(created -> {
              inline.forEach(e -> e.put("sessionRecordId", created.getString("id")));
              return exerciseRecords.insertAll(tx, inline).map(list -> created.put("exercises", new JsonArray(list)));
            })
            .compose(created -> personalRecords.refreshSession(tx, UUID.fromString(created.getString("id"))).map(created))
            .compose(created -> webhooks.enqueue(tx, trainerId, EventType.RECORD_CREATED, recordCreated(created))
                .map(created))));
  }

  /**
   * A change to the record's trainee, date or status can move personal records (as can its deletion:
   * its log rows still name them), so they are replayed in the change's own transaction: a failed
   * replay leaves nothing half done for a retry to trip over.
   */
  public Future<JsonObject> update(Principal caller, UUID id, JsonObject patch, OptionalInt ifMatch) {
    UUID trainerId = caller.requireTrainer();
    String traineeId = patch.getString("traineeId");
    Future<?> traineeVisible = traineeId == null ? Future.succeededFuture() : trainees.get(caller, UUID.fromString(traineeId));
    return traineeVisible
        .compose(v -> requireTrainingSessionOwned(trainerId, patch.getString("trainingSessionId")))
        .compose(v -> Versioned.patch(() -> records.find(trainerId, null, id).map(RecordRules::storedNotLive),
            "session record", ifMatch, patch, merged -> RecordRules.withStatusFlagsAndTimes(RecordRules.notLive(merged)),
            (merged, version) -> pool.withTransaction(tx -> records.update(tx, trainerId, merged, version)
                .compose(written -> written.isEmpty() ? Future.succeededFuture(written)
                    : personalRecords.refreshSession(tx, id).map(written)))))
        .compose(this::withExercises);
  }

  public Future<Void> delete(Principal caller, UUID id, OptionalInt ifMatch) {
    UUID trainerId = caller.requireTrainer();
    return Versioned.delete(records.find(trainerId, null, id).map(RecordRules::storedNotLive), "session record",
        ifMatch, version -> pool.withTransaction(tx -> records.delete(tx, trainerId, id, version)
            .compose(deleted -> deleted ? personalRecords.refreshSession(tx, id).map(true) : Future.succeededFuture(false))));
  }

  /** Ids and essentials of the logged session: no notes, no feedback. */
  private static JsonObject recordCreated(JsonObject record) {
    return new JsonObject()
        .put("sessionRecordId", record.getString("id"))
        .put("traineeId", record.getString("traineeId"))
        .put("trainingSessionId", record.getString("trainingSessionId"))
        .put("sessionDate", record.getString("sessionDate"))
        .put("status", record.getString("status"))
        .put("startTime", record.getString("startTime"))
        .put("endTime", record.getString("endTime"))
        .put("exerciseCount", record.getJsonArray("exercises").size());
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
}
