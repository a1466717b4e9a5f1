package app.spotter.template;

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

/** {@code /session-templates}: parse, call {@link SessionTemplateService}, respond. */
public final class SessionTemplateRoutes implements ApiRoutes {
  static final String WHAT = "session template";
  private final SessionTemplateService service;

  public SessionTemplateRoutes(SessionTemplateService service) {
    this.service = service;
  }

  @Override
  public void mount(RouterBuilder builder) {
    builder.getRoute("listSessionTemplates").addHandler(this::list);
    builder.getRoute("createSessionTemplate").addHandler(this::create);
    builder.getRoute("getSessionTemplate").addHandler(this::get);
    builder.getRoute("updateSessionTemplate").addHandler(this::update);
    builder.getRoute("deleteSessionTemplate").addHandler(this::delete);
    builder.getRoute("duplicateSessionTemplate").addHandler(this::duplicate);
  }

  private void list(RoutingContext ctx) {
    service.list(principal(ctx), query(ctx, "q"), page(ctx))
        .compose(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    service.create(principal(ctx), body(ctx))
        .compose(template -> Responses.created(ctx, location(template.getString("id")), template))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    service.get(principal(ctx), pathId(ctx, "id", WHAT))
        .compose(template -> Responses.ok(ctx, template))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    service.update(principal(ctx), pathId(ctx, "id", WHAT), body(ctx), ifMatch(ctx))
        .compose(template -> Responses.ok(ctx, template))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    service.delete(principal(ctx), pathId(ctx, "id", WHAT), ifMatch(ctx))
        .compose(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private void duplicate(RoutingContext ctx) {
    service.duplicate(principal(ctx), pathId(ctx, "id", WHAT), body(ctx).getString("name"))
        .compose(copy -> Responses.created(ctx, location(copy.getString("id")), copy))
        .onFailure(ctx::fail);
  }

  static String location(String id) {
    return "/api/v1/session-templates/" + id;
  }
}
