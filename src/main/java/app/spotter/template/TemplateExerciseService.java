package app.spotter.template;

import app.spotter.api.ApiException;
import app.spotter.api.Page;
import app.spotter.auth.Principal;
import app.spotter.exercise.ExerciseService;
import app.spotter.infra.db.OrderIndex;
import app.spotter.infra.db.Versioned;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * The exercises of a session template: appended at the end unless placed, edited one by one,
 * reordered as a whole. Deleting one leaves a gap in the positions; order is all that counts.
 */
public final class TemplateExerciseService {
  private final Pool pool;
  private final SessionTemplateRepository templates;
  private final ExerciseTemplateRepository exercises;
  private final ExerciseService library;

  public TemplateExerciseService(Pool pool, SessionTemplateRepository templates, ExerciseTemplateRepository exercises,
      ExerciseService library) {
    this.pool = pool;
    this.templates = templates;
    this.exercises = exercises;
    this.library = library;
  }

  public Future<JsonObject> list(Principal caller, UUID templateId, Page page) {
    return templates.find(caller.requireTrainer(), templateId)
        .compose(found -> found.isEmpty() ? Future.failedFuture(ApiException.notFound("session template"))
            : exercises.list(templateId, page.afterInt(0), page.afterUuid(1), page.fetchSize()))
        .map(rows -> page.body(rows, OrderIndex::sortKey));
  }

  /** The template row is locked first, so two appends never pick the same position. */
  public Future<JsonObject> create(Principal caller, UUID templateId, JsonObject exercise) {
    UUID trainerId = caller.requireTrainer();
    return requireExercisesVisible(trainerId, List.of(exercise))
        .compose(v -> pool.withTransaction(tx -> templates.lock(tx, trainerId, templateId)
            .compose(found -> found.isEmpty() ? Future.failedFuture(ApiException.notFound("session template"))
                : append(tx, templateId, exercise))));
  }

  /** The library or custom exercises that {@code given} name: another trainer's is treated as missing. */
  Future<Void> requireExercisesVisible(UUID trainerId, List<JsonObject> given) {
    return library.requireVisible(trainerId, given.stream().map(e -> e.getString("exerciseId")).toList());
  }

  /** Inserts at {@code orderIndex} if given, else after the last exercise. */
  Future<JsonObject> append(SqlClient tx, UUID templateId, JsonObject exercise) {
    return OrderIndex.placed(exercise, () -> exercises.nextPosition(tx, templateId))
        .compose(placed -> exercises.insert(tx, templateId, placed));
  }

  public Future<JsonObject> update(Principal caller, UUID templateId, UUID id, JsonObject patch, OptionalInt ifMatch) {
    UUID trainerId = caller.requireTrainer();
    return requireExercisesVisible(trainerId, List.of(patch))
        .compose(v -> Versioned.patch(() -> exercises.find(trainerId, templateId, id), "exercise", ifMatch, patch,
            merged -> merged.put("id", id.toString()).put("sessionTemplateId", templateId.toString()),
            (merged, version) -> exercises.update(trainerId, merged, version)));
  }

  public Future<Void> delete(Principal caller, UUID templateId, UUID id, OptionalInt ifMatch) {
    UUID trainerId = caller.requireTrainer();
    return Versioned.delete(exercises.find(trainerId, templateId, id), "exercise", ifMatch,
        version -> exercises.delete(trainerId, templateId, id, version));
  }

  /**
   * Puts the exercises in the order of {@code ids}, which must name each of them once, and returns
   * the template (new version) with its exercises. {@code If-Match} is the template's version.
   */
  public Future<JsonObject> reorder(Principal caller, UUID templateId, JsonArray ids, OptionalInt ifMatch) {
    UUID trainerId = caller.requireTrainer();
    List<UUID> order = parseIds(ids);
    return pool.withTransaction(tx -> templates.lock(tx, trainerId, templateId)
        .compose(found -> {
          JsonObject template = found.orElseThrow(() -> ApiException.notFound("session template"));
          Versioned.requireMatch(ifMatch, template.getInteger("version"));
          return exercises.listAll(tx, templateId);
        })
        .compose(current -> {
          Set<UUID> existing = new HashSet<>();
          current.forEach(e -> existing.add(UUID.fromString(e.getString("id"))));
          if (!existing.equals(new HashSet<>(order)) || order.size() != existing.size()) {
            throw notTheExercises();
          }
          return exercises.reorder(tx, templateId, order);
        })
        .compose(v -> templates.bumpVersion(tx, trainerId, templateId))
        .compose(template -> withExercises(tx, template)));
  }

  /** Copies {@code from}'s exercises into the new template {@code to}, then answers it with them inline. */
  Future<JsonObject> copyInto(SqlClient tx, UUID from, JsonObject to) {
    return exercises.copyAll(tx, from, UUID.fromString(to.getString("id"))).compose(v -> withExercises(tx, to));
  }

  /** The template with its exercises inline, in order. */
  Future<JsonObject> withExercises(SqlClient client, JsonObject template) {
    return exercises.listAll(client, UUID.fromString(template.getString("id")))
        .map(list -> template.put("exercises", new JsonArray(list)));
  }

  /** Several templates with their exercises inline, in one query. */
  Future<List<JsonObject>> withExercises(List<JsonObject> page) {
    if (page.isEmpty()) {
      return Future.succeededFuture(page);
    }
    Map<String, JsonArray> byTemplate = new HashMap<>();
    for (JsonObject template : page) {
      JsonArray inline = new JsonArray();
      template.put("exercises", inline);
      byTemplate.put(template.getString("id"), inline);
    }
    return exercises.listOf(byTemplate.keySet().stream().map(UUID::fromString).toList()).map(rows -> {
      rows.forEach(exercise -> byTemplate.get(exercise.getString("sessionTemplateId")).add(exercise));
      return page;
    });
  }

  private static List<UUID> parseIds(JsonArray ids) {
    try {
      return ids.stream().map(id -> UUID.fromString((String) id)).toList();
    } catch (RuntimeException e) {
      throw notTheExercises();
    }
  }

  private static ApiException notTheExercises() {
    return ApiException.invalidField("ids", "must list each of the template's exercises exactly once");
  }
}
