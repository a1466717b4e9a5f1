package app.spotter.trainee;

import static app.spotter.auth.AccessGuard.principal;
import static app.spotter.http.Requests.body;
import static app.spotter.http.Requests.ifMatch;
import static app.spotter.http.Requests.page;
import static app.spotter.http.Requests.pathId;
import static app.spotter.http.Requests.query;

import app.spotter.http.ApiRoutes;
import app.spotter.http.Responses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** {@code /trainees}: parse, call {@link TraineeService}, respond. */
public final class TraineeRoutes implements ApiRoutes {
  private final TraineeService service;

  public TraineeRoutes(TraineeService service) {
    this.service = service;
  }

  @Override
  public void mount(RouterBuilder builder) {
    builder.getRoute("listTrainees").addHandler(this::list);
    builder.getRoute("createTrainee").addHandler(this::create);
    builder.getRoute("getTrainee").addHandler(this::get);
    builder.getRoute("updateTrainee").addHandler(this::update);
    builder.getRoute("deleteTrainee").addHandler(this::delete);
    builder.getRoute("addMeasurement").addHandler(this::addMeasurement);
    builder.getRoute("archiveTrainee").addHandler(ctx -> setArchived(ctx, true));
    builder.getRoute("restoreTrainee").addHandler(ctx -> setArchived(ctx, false));
  }

  private void list(RoutingContext ctx) {
    service.list(principal(ctx), "true".equals(query(ctx, "archived")), query(ctx, "q"), page(ctx))
        .compose(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    service.create(principal(ctx), body(ctx))
        .compose(trainee -> Responses.created(ctx, location(trainee.getString("id")), trainee))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    service.get(principal(ctx), pathId(ctx, "id", "trainee"))
        .compose(trainee -> Responses.ok(ctx, trainee))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    service.update(principal(ctx), pathId(ctx, "id", "trainee"), body(ctx), ifMatch(ctx))
        .compose(trainee -> Responses.ok(ctx, trainee))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    service.delete(principal(ctx), pathId(ctx, "id", "trainee"), ifMatch(ctx))
        .compose(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private void addMeasurement(RoutingContext ctx) {
    service.addMeasurement(principal(ctx), pathId(ctx, "id", "trainee"), body(ctx))
        .compose(trainee -> Responses.created(ctx, location(trainee.getString("id")), trainee))
        .onFailure(ctx::fail);
  }

  private void setArchived(RoutingContext ctx, boolean archived) {
    service.setArchived(principal(ctx), pathId(ctx, "id", "trainee"), archived)
        .compose(trainee -> Responses.ok(ctx, trainee))
        .onFailure(ctx::fail);
  }

  static String location(String id) {
    return "/api/v1/trainees/" + id;
  }
}
