package app.spotter.session;

import app.spotter.api.ApiException;
import app.spotter.auth.Principal;
import app.spotter.auth.Role;
import app.spotter.live.LiveEngine;
import app.spotter.record.SessionRecordService;
import app.spotter.webhook.EventType;
import app.spotter.webhook.WebhookOutbox;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.Optional;
import java.util.UUID;

/** {@code /live-sessions}: starting a session (a live record with its exercises) and listing live ones. */
public final class LiveSessionService {
  private final Pool pool;
  private final LiveSessionRepository repository;
  private final SessionRecordService records;
  private final LiveEngine engine;
  private final WebhookOutbox webhooks;

  public LiveSessionService(Pool pool, SessionRecordService records, LiveEngine engine, WebhookOutbox webhooks) {
    this.pool = pool;
    this.repository = new LiveSessionRepository(pool);
    this.records = records;
    this.engine = engine;
    this.webhooks = webhooks;
  }

  /**
   * From a training session (its template) or a template directly, or empty (exercises added live).
   * A trainee has at most one live session: a second start gets 409, as does a start for an archived trainee.
   */
  public Future<JsonObject> start(Principal caller, JsonObject body) {
    UUID trainerId = caller.requireTrainer();
    UUID traineeId = UUID.fromString(body.getString("traineeId"));
    UUID trainingSessionId = uuidOrNull(body.getString("trainingSessionId"));
    UUID templateId = uuidOrNull(body.getString("sessionTemplateId"));
    String location = body.getString("location");
    return repository.traineeArchived(trainerId, traineeId)
        .map(archived -> {
          if (archived.orElseThrow(() -> ApiException.notFound("trainee"))) {
            throw ApiException.conflict("the trainee is archived: restore them before starting a session");
          }
          return null;
        })
        .compose(v -> templateId == null ? Future.succeededFuture(Optional.<UUID>empty())
            : repository.templateOwned(trainerId, templateId).map(owned -> {
              if (!owned) {
                throw ApiException.notFound("session template");
              }
              return Optional.of(templateId);
            }))
        .compose(template -> trainingSessionId == null ? Future.succeededFuture(template)
            : repository.trainingSessionTemplate(trainerId, trainingSessionId).map(planned -> {
              Optional<UUID> plannedTemplate = planned.orElseThrow(() -> ApiException.notFound("training session"));
              return template.isPresent() ? template : plannedTemplate;
            }))
        .compose(template -> pool.withTransaction(tx -> {
          JsonObject metadata = new JsonObject().put("sessionTemplateId", template.map(UUID::toString).orElse(null));
          return repository.insert(tx, trainerId, traineeId, trainingSessionId, location, metadata)
              .compose(id -> template.isEmpty() ? Future.succeededFuture(id)
                  : repository.copyExercises(tx, id, template.get()).map(id))
              .compose(id -> webhooks.enqueue(tx, trainerId, EventType.SESSION_STARTED, new JsonObject()
                  .put("sessionRecordId", id.toString())
                  .put("traineeId", traineeId.toString())
                  .put("trainingSessionId", trainingSessionId == null ? null : trainingSessionId.toString())
                  .put("sessionTemplateId", metadata.getString("sessionTemplateId"))
                  .put("location", location)).map(id));
        }))
        // A second live session for the trainee breaks record_one_live_per_trainee: FailureHandler says so (409).
        .compose(id -> engine.sessionStarted(trainerId, id, location, traineeId).otherwiseEmpty()
            .compose(v -> records.get(caller, id)));
  }

  /** A trainer's live sessions, or a trainee's own one; records with their exercises. */
  public Future<JsonObject> list(Principal caller) {
    UUID traineeScope = caller.is(Role.TRAINEE) ? caller.id() : null;
    return repository.liveIds(caller.trainerId(), traineeScope)
        .compose(ids -> Future.all(ids.stream().map(id -> records.get(caller, id)).toList()))
        .map(all -> new JsonObject().put("items", new JsonArray(all.list())));
  }

  private static UUID uuidOrNull(String value) {
    return value == null ? null : UUID.fromString(value);
  }
}
