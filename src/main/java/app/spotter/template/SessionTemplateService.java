package app.spotter.template;

import app.spotter.api.ApiException;
import app.spotter.api.Page;
import app.spotter.auth.Principal;
import app.spotter.http.SearchPattern;
import app.spotter.infra.db.CopyName;
import app.spotter.infra.db.OrderIndex;
import app.spotter.infra.db.Versioned;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/** Session templates, always returned with their exercises inline (ordered by {@code orderIndex}). */
public final class SessionTemplateService {
  private final Pool pool;
  private final SessionTemplateRepository templates;
  private final TemplateExerciseService exercises;

  public SessionTemplateService(Pool pool, SessionTemplateRepository templates, TemplateExerciseService exercises) {
    this.pool = pool;
    this.templates = templates;
    this.exercises = exercises;
  }

  /** The template and the exercises given with it are written together or not at all. */
  public Future<JsonObject> create(Principal caller, JsonObject body) {
    UUID trainerId = caller.requireTrainer();
    JsonObject fields = body.copy();
    JsonArray given = (JsonArray) fields.remove("exercises");
    List<JsonObject> inline = given == null ? List.of() : given.stream().map(JsonObject.class::cast).toList();
    OrderIndex.requireDistinct("exercises", OrderIndex.placedInTurn(inline));
    return exercises.requireExercisesVisible(trainerId, inline)
        .compose(v -> pool.withTransaction(tx -> templates.insert(tx, trainerId, fields)
            .compose(template -> appendInTurn(tx, UUID.fromString(template.getString("id")), given)
                .compose(appended -> exercises.withExercises(tx, template)))));
  }

  /** One after the other, so each one omitting {@code orderIndex} lands after the one before. */
  private Future<Void> appendInTurn(SqlClient tx, UUID templateId, JsonArray given) {
    Future<Void> done = Future.succeededFuture();
    if (given == null) {
      return done;
    }
    for (Object exercise : given) {
      done = done.compose(v -> exercises.append(tx, templateId, (JsonObject) exercise).mapEmpty());
    }
    return done;
  }

  /**
   * A new template with the fields and copies of the exercises of template {@code id}; named
   * {@code name}, by default "&lt;name&gt; (copy)".
   */
  public Future<JsonObject> duplicate(Principal caller, UUID id, String name) {
    UUID trainerId = caller.requireTrainer();
    return templates.find(trainerId, id)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("session template")))
        .compose(original -> pool.withTransaction(tx ->
            templates.insert(tx, trainerId, original.copy().put("name", CopyName.of(original.getString("name"), name)))
                .compose(copy -> exercises.copyInto(tx, id, copy))));
  }

  public Future<JsonObject> get(Principal caller, UUID id) {
    return templates.find(caller.requireTrainer(), id)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("session template")))
        .compose(template -> exercises.withExercises(pool, template));
  }

  /** A page of templates by name, each with its exercises (one query for the whole page). */
  public Future<JsonObject> list(Principal caller, String query, Page page) {
    return templates.list(caller.requireTrainer(), SearchPattern.contains(query), page.afterString(0),
            page.afterUuid(1), page.fetchSize())
        .map(page::keyedBody)
        .compose(body -> exercises.withExercises(Page.items(body)).map(body));
  }

  public Future<JsonObject> update(Principal caller, UUID id, JsonObject patch, OptionalInt ifMatch) {
    UUID trainerId = caller.requireTrainer();
    return Versioned.patch(() -> templates.find(trainerId, id), "session template", ifMatch, patch,
            merged -> merged.put("id", id.toString()).put("trainerId", trainerId.toString()),
            (merged, version) -> templates.update(trainerId, merged, version))
        .compose(template -> exercises.withExercises(pool, template));
  }

  public Future<Void> delete(Principal caller, UUID id, OptionalInt ifMatch) {
    UUID trainerId = caller.requireTrainer();
    return Versioned.delete(templates.find(trainerId, id), "session template", ifMatch,
        version -> templates.delete(trainerId, id, version));
  }
}
