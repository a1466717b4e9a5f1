package app.spotter.record;

import static app.spotter.auth.AccessGuard.principal;
import static app.spotter.http.Requests.pathId;
import static app.spotter.http.Requests.query;

import app.spotter.api.ApiException;
import app.spotter.auth.Principal;
import app.spotter.auth.Role;
import app.spotter.http.ApiRoutes;
import app.spotter.trainee.TraineeService;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /trainees/{id}/export?format=json|csv}: a trainee's whole history for their trainer, or
 * for the trainee themself (then without medical or trainer notes), streamed as it is read.
 */
public final class TraineeExportRoutes implements ApiRoutes {
  /** Each export holds a database connection while its client reads; a few at a time leave the pool to everyone else. */
  static final int MAX_CONCURRENT = 4;
  private static final long RETRY_AFTER_SECONDS = 5;
  private final AtomicInteger running = new AtomicInteger();
  private final TraineeService trainees;
  private final ExportRepository exports;

  public TraineeExportRoutes(TraineeService trainees, ExportRepository exports) {
    this.trainees = trainees;
    this.exports = exports;
  }

  @Override
  public void mount(RouterBuilder builder) {
    builder.getRoute("exportTrainee").addHandler(this::export);
  }

  private void export(RoutingContext ctx) {
    Principal caller = principal(ctx);
    UUID traineeId = pathId(ctx, "id", "trainee");
    ExportFormat format = "csv".equals(query(ctx, "format")) ? new CsvExport() : new JsonExport(caller.is(Role.TRAINEE));
    if (running.incrementAndGet() > MAX_CONCURRENT) {
      running.decrementAndGet();
      ctx.fail(ApiException.of(429, "Too Many Requests", "too many exports are running: try again shortly")
          .withRetryAfter(RETRY_AFTER_SECONDS));
      return;
    }
    // TraineeService.get applies the access rules: own trainee, or a trainee's own id without medical notes.
    trainees.get(caller, traineeId)
        .compose(trainee -> exports.stream(format.query(), caller.trainerId(), traineeId,
            rows -> new ExportPipe(startResponse(ctx, format, traineeId), format).pump(trainee, rows)))
        .onComplete(done -> running.decrementAndGet())
        .onFailure(failure -> {
          // A client that left has nobody to tell; the transaction has already rolled back.
          if (!ctx.response().closed()) {
            ctx.fail(failure);
          }
        });
  }

  private static HttpServerResponse startResponse(RoutingContext ctx, ExportFormat format, UUID traineeId) {
    return ctx.response()
        .setStatusCode(200)
        .setChunked(true)
        .putHeader("Content-Type", format.contentType())
        .putHeader("Content-Disposition",
            "attachment; filename=\"spotter-history-" + traineeId + "." + format.extension() + "\"");
  }
}
