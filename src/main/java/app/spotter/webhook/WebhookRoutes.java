package app.spotter.webhook;

import static app.spotter.auth.AccessGuard.principal;
import static app.spotter.http.Requests.body;
import static app.spotter.http.Requests.page;
import static app.spotter.http.Requests.pathId;

import app.spotter.http.ApiRoutes;
import app.spotter.http.Responses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** {@code /webhooks}: parse, call {@link WebhookService}, respond. */
final class WebhookRoutes implements ApiRoutes {
  private final WebhookService service;

  WebhookRoutes(WebhookService service) {
    this.service = service;
  }

  @Override
  public void mount(RouterBuilder builder) {
    builder.getRoute("createWebhook").addHandler(this::create);
    builder.getRoute("listWebhooks").addHandler(this::list);
    builder.getRoute("getWebhook").addHandler(this::get);
    builder.getRoute("deleteWebhook").addHandler(this::delete);
    builder.getRoute("listWebhookDeliveries").addHandler(this::deliveries);
  }

  private void create(RoutingContext ctx) {
    service.create(principal(ctx), body(ctx))
        .compose(webhook -> Responses.created(ctx, "/api/v1/webhooks/" + webhook.getString("id"), webhook))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    service.list(principal(ctx), page(ctx))
        .compose(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    service.get(principal(ctx), pathId(ctx, "id", "webhook"))
        .compose(webhook -> Responses.ok(ctx, webhook))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    service.delete(principal(ctx), pathId(ctx, "id", "webhook"))
        .compose(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private void deliveries(RoutingContext ctx) {
    service.deliveries(principal(ctx), pathId(ctx, "id", "webhook"), page(ctx))
        .compose(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }
}
