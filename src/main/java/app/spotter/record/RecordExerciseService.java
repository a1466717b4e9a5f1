package app.spotter.record;

import app.spotter.api.ApiException;
import app.spotter.api.Page;
import app.spotter.auth.Principal;
import app.spotter.auth.Role;
import app.spotter.coaching.PersonalRecords;
import app.spotter.exercise.ExerciseService;
import app.spotter.infra.db.OrderIndex;
import app.spotter.infra.db.Versioned;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * The exercises of a session record. History may be edited by its trainer; a live record changes only
 * through the live socket, so every write here locks the record and refuses a live one. Each write
 * replays the personal records of the exercises it may have moved, in its transaction.
 */
public final class RecordExerciseService {
  private final Pool pool;
  private final RecordRepository records;
  private final ExerciseRecordRepository exercises;
  private final ExerciseService library;
  private final PersonalRecords personalRecords;

  public RecordExerciseService(Pool pool, RecordRepository records, ExerciseRecordRepository exercises,
      ExerciseService library, PersonalRecords personalRecords) {
    this.pool = pool;
    this.records = records;
    this.exercises = exercises;
    this.library = library;
    this.personalRecords = personalRecords;
  }

  /** The record's exercises in order, a page at a time; a trainee only of their own record. */
  public Future<JsonObject> list(Principal caller, UUID recordId, Page page) {
    Integer afterIndex = page.afterInt(0);
    UUID afterId = page.afterUuid(1);
    UUID traineeScope = caller.is(Role.TRAINEE) ? caller.id() : null;
    return records.find(caller.trainerId(), traineeScope, recordId)
        .compose(found -> {
          found.orElseThrow(() -> ApiException.notFound("session record"));
          return exercises.page(recordId, afterIndex, afterId, page.fetchSize());
        })
        .map(rows -> page.body(rows, OrderIndex::sortKey));
  }

  public Future<JsonObject> create(Principal caller, UUID recordId, JsonObject body) {
    UUID trainerId = caller.requireTrainer();
    JsonObject exercise = prepared(body, "", trainerId);
    return requireReferencesVisible(trainerId, List.of(exercise))
        .compose(v -> pool.withTransaction(tx -> lockWritable(tx, trainerId, recordId)
            .compose(record -> OrderIndex.placed(exercise, () -> exercises.nextOrderIndex(tx, recordId)))
            .compose(placed -> exercises.insert(tx, placed.put("sessionRecordId", recordId.toString())))
            .compose(inserted -> personalRecords.refreshSession(tx, recordId).map(inserted))));
  }

  public Future<JsonObject> update(Principal caller, UUID recordId, UUID id, JsonObject patch, OptionalInt ifMatch) {
    UUID trainerId = caller.requireTrainer();
    boolean setsChange = patch.containsKey("sets");
    JsonObject checked = setsChange
        ? patch.copy().put("sets", RecordSets.normalize(patch.getJsonArray("sets"), "sets", trainerId))
        : patch;
    return requireReferencesVisible(trainerId, List.of(checked))
        .compose(v -> pool.withTransaction(tx -> lockWritable(tx, trainerId, recordId)
            .compose(record -> exercises.find(tx, recordId, id))
            .compose(current -> Versioned.patch(Future.succeededFuture(current), "exercise record", ifMatch, checked,
                merged -> RecordSets.keepAuthors(merged, current.map(e -> e.getJsonArray("sets")).orElse(null)),
                (merged, version) -> setsChange
                    ? exercises.updateWithSets(tx, merged, version)
                    : exercises.update(tx, merged, version)))
            .compose(updated -> personalRecords.refreshSession(tx, recordId).map(updated))));
  }

  public Future<Void> delete(Principal caller, UUID recordId, UUID id, OptionalInt ifMatch) {
    UUID trainerId = caller.requireTrainer();
    return pool.withTransaction(tx -> lockWritable(tx, trainerId, recordId)
        .compose(record -> Versioned.delete(exercises.find(tx, recordId, id), "exercise record", ifMatch,
            version -> exercises.delete(tx, recordId, id, version)))
        .compose(v -> personalRecords.refreshSession(tx, recordId)));
  }

  /** An exercise from a request, ready to store: sets checked and completed; {@code path} prefixes error fields. */
  static JsonObject prepared(JsonObject input, String path, UUID trainerId) {
    JsonObject exercise = input.copy();
    exercise.put("sets", RecordSets.normalize(input.getJsonArray("sets"), path + "sets", trainerId));
    return exercise;
  }

  /** A body's inline exercises, ready to store; an omitted {@code orderIndex} follows the highest one before it. */
  static List<JsonObject> preparedAll(JsonArray inputs, UUID trainerId) {
    List<JsonObject> prepared = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      prepared.add(prepared(inputs.getJsonObject(i), "exercises[" + i + "].", trainerId));
    }
    return OrderIndex.placedInTurn(prepared);
  }

  /** Another trainer's exercise template or custom exercise named in a body is treated as missing. */
  Future<Void> requireReferencesVisible(UUID trainerId, List<JsonObject> inputs) {
    Set<UUID> ids = new HashSet<>();
    inputs.stream().map(e -> e.getString("exerciseTemplateId")).filter(id -> id != null)
        .forEach(id -> ids.add(UUID.fromString(id)));
    return exercises.templatesOwned(trainerId, ids).map(owned -> {
      if (!owned) {
        throw ApiException.notFound("exercise template");
      }
      return null;
    }).compose(v -> library.requireVisible(trainerId, inputs.stream().map(e -> e.getString("exerciseId")).toList()));
  }

  private Future<JsonObject> lockWritable(SqlClient tx, UUID trainerId, UUID recordId) {
    return records.lock(tx, trainerId, recordId).map(found -> {
      JsonObject record = found.orElseThrow(() -> ApiException.notFound("session record"));
      if (RecordRules.isLive(record)) {
        throw ApiException.conflict(RecordRules.LIVE_ONLY_BY_SOCKET);
      }
      return record;
    });
  }
}
