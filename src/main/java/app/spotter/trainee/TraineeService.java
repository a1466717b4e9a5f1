package app.spotter.trainee;

import app.spotter.api.ApiException;
import app.spotter.api.Page;
import app.spotter.auth.Principal;
import app.spotter.auth.Role;
import app.spotter.http.SearchPattern;
import app.spotter.infra.db.Versioned;
import app.spotter.webhook.EventType;
import app.spotter.webhook.WebhookOutbox;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

/** Trainee profiles: the trainer's full view, the trainee's own view, measurements. */
public final class TraineeService {
  /** Measurement fields that also have a "current value" field on the trainee: measurement → trainee. */
  private static final Map<String, String> CURRENT_VALUES = Map.of(
      "weight", "currentWeight",
      "bodyFatPercentage", "bodyFatPercentage",
      "restingHeartRate", "restingHeartRate",
      "height", "height");

  private final Pool pool;
  private final TraineeRepository trainees;
  private final WebhookOutbox webhooks;

  public TraineeService(Pool pool, TraineeRepository trainees, WebhookOutbox webhooks) {
    this.pool = pool;
    this.trainees = trainees;
    this.webhooks = webhooks;
  }

  /** The trainee and its {@code trainee.created} webhook event, in one transaction. */
  public Future<JsonObject> create(Principal caller, JsonObject body) {
    UUID trainerId = caller.requireTrainer();
    return pool.withTransaction(tx -> trainees.insert(tx, trainerId, body)
        .compose(trainee -> webhooks.enqueue(tx, trainerId, EventType.TRAINEE_CREATED, new JsonObject()
            .put("traineeId", trainee.getString("id"))
            .put("name", trainee.getString("name"))
            .put("fitnessLevel", trainee.getString("fitnessLevel"))).map(trainee)));
  }

  /** A trainer reads any of their trainees; a trainee only themself, without trainer-private notes. */
  public Future<JsonObject> get(Principal caller, UUID id) {
    if (caller.is(Role.TRAINEE) && !caller.id().equals(id)) {
      return Future.failedFuture(ApiException.notFound("trainee"));
    }
    return trainees.find(caller.trainerId(), id)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("trainee")))
        .map(trainee -> caller.is(Role.TRAINEE) ? selfView(trainee) : trainee);
  }

  /** The active trainees, or the archived ones; {@code query} searches name and email. */
  public Future<JsonObject> list(Principal caller, boolean archived, String query, Page page) {
    return trainees.list(caller.requireTrainer(), archived, SearchPattern.contains(query), page.afterString(0),
            page.afterUuid(1), page.fetchSize())
        .map(page::keyedBody);
  }

  public Future<JsonObject> update(Principal caller, UUID id, JsonObject patch, OptionalInt ifMatch) {
    UUID trainerId = caller.requireTrainer();
    return Versioned.patch(() -> trainees.find(trainerId, id), "trainee", ifMatch, patch, merged -> merged,
        (merged, version) -> trainees.update(trainerId, merged, version));
  }

  /**
   * Archived: out of lists and pickers, data kept; no live session can start for them and their
   * access links let no phone in until restored. Both are idempotent.
   */
  public Future<JsonObject> setArchived(Principal caller, UUID id, boolean archived) {
    return trainees.setArchived(caller.requireTrainer(), id, archived)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("trainee")));
  }

  public Future<Void> delete(Principal caller, UUID id, OptionalInt ifMatch) {
    UUID trainerId = caller.requireTrainer();
    return Versioned.delete(trainees.find(trainerId, id), "trainee", ifMatch,
        version -> trainees.delete(trainerId, id, version));
  }

  /**
   * Appends a measurement (kept in time order) and, when it is the newest one, makes its values
   * the trainee's current ones. A back-dated measurement only joins the history.
   */
  public Future<JsonObject> addMeasurement(Principal caller, UUID id, JsonObject measurement) {
    UUID trainerId = caller.requireTrainer();
    JsonObject entry = measurement.copy();
    String measuredAt = entry.getString("measuredAt");
    entry.put("measuredAt", (measuredAt == null ? Instant.now() : Instant.parse(measuredAt)).toString());
    return pool.withTransaction(tx -> Versioned.patch(trainees.lock(tx, trainerId, id), "trainee",
        OptionalInt.empty(), new JsonObject(), trainee -> withMeasurement(trainee, entry),
        (merged, version) -> trainees.update(tx, trainerId, merged, version)));
  }

  private static JsonObject withMeasurement(JsonObject trainee, JsonObject entry) {
    List<JsonObject> history = new ArrayList<>();
    trainee.getJsonArray("measurementHistory", new JsonArray()).forEach(m -> history.add((JsonObject) m));
    Instant at = Instant.parse(entry.getString("measuredAt"));
    boolean newest = history.stream().allMatch(m -> !Instant.parse(m.getString("measuredAt")).isAfter(at));
    history.add(entry);
    history.sort(Comparator.comparing(m -> Instant.parse(m.getString("measuredAt"))));
    trainee.put("measurementHistory", new JsonArray(history));
    if (newest) {
      CURRENT_VALUES.forEach((measured, current) -> {
        if (entry.getValue(measured) != null) {
          trainee.put(current, entry.getValue(measured));
        }
      });
    }
    return trainee;
  }

  /** What a trainee may see of their own profile. */
  static JsonObject selfView(JsonObject trainee) {
    JsonObject view = trainee.copy();
    view.remove("medicalNotes");
    return view;
  }
}
