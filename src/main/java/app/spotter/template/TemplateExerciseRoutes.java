package app.spotter.template;

import static app.spotter.auth.AccessGuard.principal;
import static app.spotter.http.Requests.body;
import static app.spotter.http.Requests.ifMatch;
import static app.spotter.http.Requests.page;
import static app.spotter.http.Requests.pathId;

import app.spotter.http.ApiRoutes;
import app.spotter.http.Responses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.UUID;

/** {@code /session-templates/{id}/exercises} and {@code /exercise-order}: parse, call {@link TemplateExerciseService}, respond. */
public final class TemplateExerciseRoutes implements ApiRoutes {
  private final TemplateExerciseService service;

  public TemplateExerciseRoutes(TemplateExerciseService service) {
    this.service = service;
  }

  @Override
  public void mount(RouterBuilder builder) {
    builder.getRoute("listTemplateExercises").addHandler(this::list);
    builder.getRoute("createTemplateExercise").addHandler(this::create);
    builder.getRoute("updateTemplateExercise").addHandler(this::update);
    builder.getRoute("deleteTemplateExercise").addHandler(this::delete);
    builder.getRoute("reorderTemplateExercises").addHandler(this::reorder);
  }

  private void list(RoutingContext ctx) {
    service.list(principal(ctx), templateId(ctx), page(ctx))
        .compose(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    UUID templateId = templateId(ctx);
    service.create(principal(ctx), templateId, body(ctx))
        .compose(exercise -> Responses.created(ctx, location(templateId, exercise), exercise))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    service.update(principal(ctx), templateId(ctx), exerciseId(ctx), body(ctx), ifMatch(ctx))
        .compose(exercise -> Responses.ok(ctx, exercise))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    service.delete(principal(ctx), templateId(ctx), exerciseId(ctx), ifMatch(ctx))
        .compose(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private void reorder(RoutingContext ctx) {
    service.reorder(principal(ctx), templateId(ctx), body(ctx).getJsonArray("ids", new JsonArray()), ifMatch(ctx))
        .compose(template -> Responses.ok(ctx, template))
        .onFailure(ctx::fail);
  }

  private static UUID templateId(RoutingContext ctx) {
    return pathId(ctx, "id", SessionTemplateRoutes.WHAT);
  }

  private static UUID exerciseId(RoutingContext ctx) {
    return pathId(ctx, "exerciseId", "exercise");
  }

  private static String location(UUID templateId, JsonObject exercise) {
    return SessionTemplateRoutes.location(templateId.toString()) + "/exercises/" + exercise.getString("id");
  }
}
