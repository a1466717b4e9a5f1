package app.spotter.webhook;

import app.spotter.config.SpotterConfig;
import app.spotter.http.ApiRoutes;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.Optional;

/**
 * The webhook feature, wired: the outbox other features write to, the {@code /webhooks} routes and,
 * on an instance that sends webhooks, the delivery worker Spotter deploys beside its HTTP verticles.
 */
public final class Webhooks {
  private final WebhookOutbox outbox;
  private final WebhookRoutes routes;
  private final Optional<DeliveryWorker> worker;

  public Webhooks(Vertx vertx, Pool pool, String jwtSecret, SpotterConfig.Webhooks config) {
    WebhookSecrets secrets = new WebhookSecrets(jwtSecret);
    Destinations destinations = new Destinations(vertx, config.allowPrivate());
    DeliveryRepository deliveries = new DeliveryRepository(pool);
    this.worker = config.deliver()
        ? Optional.of(new DeliveryWorker(deliveries, new WebhookSender(vertx, destinations, secrets),
            new RetrySchedule(config.retryBase()), config.pollInterval()))
        : Optional.empty();
    this.outbox = new WebhookOutbox(deliveries, () -> worker.ifPresent(DeliveryWorker::wake));
    this.routes = new WebhookRoutes(new WebhookService(new EndpointRepository(pool), deliveries, destinations, secrets));
  }

  public WebhookOutbox outbox() {
    return outbox;
  }

  public ApiRoutes routes() {
    return routes;
  }

  /** Empty when this instance sends no webhooks ({@code SPOTTER_WEBHOOKS_DELIVER=false}). */
  public Optional<DeliveryWorker> worker() {
    return worker;
  }
}
