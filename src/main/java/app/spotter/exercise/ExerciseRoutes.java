package app.spotter.exercise;

import static app.spotter.auth.AccessGuard.principal;
import static app.spotter.http.Requests.body;
import static app.spotter.http.Requests.ifMatch;
import static app.spotter.http.Requests.page;
import static app.spotter.http.Requests.query;

import app.spotter.http.ApiRoutes;
import app.spotter.http.Responses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** {@code /exercises}: parse, call {@link ExerciseService}, respond. */
public final class ExerciseRoutes implements ApiRoutes {
  private final ExerciseService service;

  public ExerciseRoutes(ExerciseService service) {
    this.service = service;
  }

  @Override
  public void mount(RouterBuilder builder) {
    builder.getRoute("listExercises").addHandler(this::list);
    builder.getRoute("createExercise").addHandler(this::create);
    builder.getRoute("getExercise").addHandler(this::get);
    builder.getRoute("updateExercise").addHandler(this::update);
    builder.getRoute("deleteExercise").addHandler(this::delete);
  }

  private void list(RoutingContext ctx) {
    ExerciseSearch search = new ExerciseSearch(query(ctx, "q"), query(ctx, "muscle"), query(ctx, "equipment"),
        query(ctx, "category"));
    service.search(principal(ctx), search, page(ctx))
        .compose(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    service.create(principal(ctx), body(ctx))
        .compose(exercise -> Responses.created(ctx, "/api/v1/exercises/" + exercise.getString("id"), exercise))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    service.get(principal(ctx), ctx.pathParam("id"))
        .compose(exercise -> Responses.ok(ctx, exercise))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    service.update(principal(ctx), ctx.pathParam("id"), body(ctx), ifMatch(ctx))
        .compose(exercise -> Responses.ok(ctx, exercise))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    service.delete(principal(ctx), ctx.pathParam("id"), ifMatch(ctx))
        .compose(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }
}
