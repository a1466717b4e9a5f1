package app.spotter.coaching;

import static app.spotter.http.Requests.pathId;
import static app.spotter.http.Requests.principal;

import app.spotter.http.ApiRoutes;
import app.spotter.http.Responses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** {@code GET /session-records/{id}/summary}. */
public final class SummaryRoutes implements ApiRoutes {
  private final SummaryService summaries;

  public SummaryRoutes(SummaryService summaries) {
    this.summaries = summaries;
  }

  @Override
  public void mount(RouterBuilder builder) {
    builder.getRoute("getSessionSummary").addHandler(this::get);
  }

  private void get(RoutingContext ctx) {
    summaries.summary(principal(ctx), pathId(ctx, "id", "session record"))
        .compose(summary -> Responses.ok(ctx, summary))
        .onFailure(ctx::fail);
  }
}
