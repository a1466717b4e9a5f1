package app.spotter.trainee;

import static app.spotter.auth.AccessGuard.principal;
import static app.spotter.http.Requests.body;
import static app.spotter.http.Requests.page;
import static app.spotter.http.Requests.pathId;

import app.spotter.auth.AccessGuard;
import app.spotter.http.ApiRoutes;
import app.spotter.http.Responses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.UUID;

/** {@code /trainees/{id}/access-links} and {@code /trainee-access}: parse, call {@link AccessLinkService}, respond. */
public final class AccessLinkRoutes implements ApiRoutes {
  private final AccessLinkService service;
  private final AccessGuard guard;

  public AccessLinkRoutes(AccessLinkService service, AccessGuard guard) {
    this.service = service;
    this.guard = guard;
  }

  @Override
  public void mount(RouterBuilder builder) {
    builder.getRoute("createAccessLink").addHandler(this::create);
    builder.getRoute("listAccessLinks").addHandler(this::list);
    builder.getRoute("revokeAccessLink").addHandler(this::revoke);
    builder.getRoute("traineeAccess").addHandler(this::exchange);
  }

  private void create(RoutingContext ctx) {
    UUID traineeId = pathId(ctx, "id", "trainee");
    service.create(principal(ctx), traineeId, body(ctx))
        .compose(link -> Responses.created(ctx,
            TraineeRoutes.location(traineeId.toString()) + "/access-links/" + link.getString("id"), link))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    service.list(principal(ctx), pathId(ctx, "id", "trainee"), page(ctx))
        .compose(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void revoke(RoutingContext ctx) {
    service.revoke(principal(ctx), pathId(ctx, "id", "trainee"), pathId(ctx, "linkId", "access link"))
        .compose(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private void exchange(RoutingContext ctx) {
    service.exchange(body(ctx).getString("token"), guard.ipLimit(ctx))
        .compose(access -> Responses.ok(ctx, access))
        .onFailure(ctx::fail);
  }
}
