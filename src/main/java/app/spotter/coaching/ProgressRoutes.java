package app.spotter.coaching;

import static app.spotter.auth.AccessGuard.principal;
import static app.spotter.http.Requests.pathId;
import static app.spotter.http.Requests.query;

import app.spotter.api.ApiException;
import app.spotter.http.ApiRoutes;
import app.spotter.http.Responses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/**
 * {@code /trainees/{id}/progress}, {@code /trainees/{id}/progress/exercises} and
 * {@code /trainees/{id}/volume}: parse, call {@link ProgressService}, respond. A trainee token
 * addresses itself by its own id, as for its export.
 */
public final class ProgressRoutes implements ApiRoutes {
  static final int DEFAULT_WEEKS = 12;
  private final ProgressService service;

  public ProgressRoutes(ProgressService service) {
    this.service = service;
  }

  @Override
  public void mount(RouterBuilder builder) {
    builder.getRoute("getTraineeProgress").addHandler(this::progress);
    builder.getRoute("listProgressExercises").addHandler(this::exercises);
    builder.getRoute("getTraineeVolume").addHandler(this::volume);
  }

  private void progress(RoutingContext ctx) {
    String exercise = query(ctx, "exercise");
    if (exercise == null) {
      throw ApiException.invalidField("exercise", "name an exercise by its id or its name");
    }
    service.progress(principal(ctx), pathId(ctx, "id", "trainee"), exercise.strip())
        .compose(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void exercises(RoutingContext ctx) {
    service.exercises(principal(ctx), pathId(ctx, "id", "trainee"))
        .compose(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void volume(RoutingContext ctx) {
    // The contract has already checked weeks is a whole number of 1..104.
    String weeks = query(ctx, "weeks");
    service.volume(principal(ctx), pathId(ctx, "id", "trainee"), weeks == null ? DEFAULT_WEEKS : Integer.parseInt(weeks))
        .compose(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }
}
