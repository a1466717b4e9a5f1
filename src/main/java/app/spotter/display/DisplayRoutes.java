package app.spotter.display;

import static app.spotter.auth.AccessGuard.principal;
import static app.spotter.http.Requests.body;
import static app.spotter.http.Requests.page;
import static app.spotter.http.Requests.pathId;
import static app.spotter.http.Requests.query;

import app.spotter.auth.AccessGuard;
import app.spotter.http.ApiRoutes;
import app.spotter.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** {@code /displays}: pairing, listing and revoking wall displays. */
public final class DisplayRoutes implements ApiRoutes {
  private final DisplayService service;
  private final AccessGuard guard;

  public DisplayRoutes(DisplayService service, AccessGuard guard) {
    this.service = service;
    this.guard = guard;
  }

  @Override
  public void mount(RouterBuilder builder) {
    builder.getRoute("createPairing").addHandler(this::createPairing);
    builder.getRoute("claimPairing").addHandler(this::claimPairing);
    builder.getRoute("getPairing").addHandler(this::getPairing);
    builder.getRoute("listDisplays").addHandler(this::list);
    builder.getRoute("revokeDisplay").addHandler(this::revoke);
  }

  private void createPairing(RoutingContext ctx) {
    service.createPairing()
        .compose(pairing -> Responses.created(ctx, "/api/v1/displays/pairings/" + pairing.getString("code"), pairing))
        .onFailure(ctx::fail);
  }

  private void claimPairing(RoutingContext ctx) {
    service.claim(principal(ctx), ctx.pathParam("code"), body(ctx), guard.ipLimit(ctx))
        .compose(display -> Responses.created(ctx, "/api/v1/displays/" + display.getString("id"),
            new JsonObject().put("display", display)))
        .onFailure(ctx::fail);
  }

  private void getPairing(RoutingContext ctx) {
    service.poll(ctx.pathParam("code"), query(ctx, "secret"), guard.ipLimit(ctx))
        .compose(status -> Responses.json(ctx, status.claimed() ? 200 : 202, status.body()))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    service.list(principal(ctx), page(ctx))
        .compose(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void revoke(RoutingContext ctx) {
    service.revoke(principal(ctx), pathId(ctx, "id", "display"))
        .compose(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }
}
