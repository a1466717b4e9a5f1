package app.spotter.session;

import static app.spotter.auth.AccessGuard.principal;
import static app.spotter.http.Requests.body;

import app.spotter.http.ApiRoutes;
import app.spotter.http.Responses;
import app.spotter.live.LiveEngine;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** {@code /live-sessions}. The socket itself is {@link LiveEngine#accept}. */
public final class LiveSessionRoutes implements ApiRoutes {
  private final LiveSessionService service;

  public LiveSessionRoutes(LiveSessionService service) {
    this.service = service;
  }

  @Override
  public void mount(RouterBuilder builder) {
    builder.getRoute("startLiveSession").addHandler(this::start);
    builder.getRoute("listLiveSessions").addHandler(this::list);
  }

  private void start(RoutingContext ctx) {
    service.start(principal(ctx), body(ctx))
        .compose(record -> Responses.created(ctx, "/api/v1/session-records/" + record.getString("id"), record))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    service.list(principal(ctx))
        .compose(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }
}
