package app.spotter.coaching;

import static app.spotter.auth.AccessGuard.principal;
import static app.spotter.http.Requests.pathId;

import app.spotter.auth.Principal;
import app.spotter.http.ApiRoutes;
import app.spotter.http.Responses;
import app.spotter.trainee.TraineeService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.UUID;

/** {@code GET /trainees/{id}/records}: a trainee's current personal records, for whoever may see the trainee. */
public final class RecordRoutes implements ApiRoutes {
  private final PersonalRecords records;
  private final TraineeService trainees;
  private final CoachingRepository coaching;

  public RecordRoutes(PersonalRecords records, TraineeService trainees, CoachingRepository coaching) {
    this.records = records;
    this.trainees = trainees;
    this.coaching = coaching;
  }

  @Override
  public void mount(RouterBuilder builder) {
    builder.getRoute("getTraineeRecords").addHandler(this::ofTrainee);
  }

  private void ofTrainee(RoutingContext ctx) {
    ofTrainee(principal(ctx), pathId(ctx, "id", "trainee"))
        .compose(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  /** A trainee the caller may not see is 404 ({@link TraineeService#get}). */
  private Future<JsonObject> ofTrainee(Principal caller, UUID traineeId) {
    return trainees.get(caller, traineeId)
        .compose(trainee -> coaching.trainerUnit(caller.trainerId()))
        .compose(unit -> records.ofTrainee(traineeId, unit));
  }
}
