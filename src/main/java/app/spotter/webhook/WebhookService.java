package app.spotter.webhook;

import app.spotter.api.ApiException;
import app.spotter.api.Page;
import app.spotter.auth.Principal;
import app.spotter.infra.db.NewestFirst;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** A trainer's webhook endpoints and their delivery logs; another trainer's are not found. */
final class WebhookService {
  /** Each event goes to every subscribed endpoint: a bound on the fan-out one trainer can cause. */
  static final int MAX_ENDPOINTS = 20;

  private final EndpointRepository endpoints;
  private final DeliveryRepository deliveries;
  private final Destinations destinations;
  private final WebhookSecrets secrets;

  WebhookService(EndpointRepository endpoints, DeliveryRepository deliveries, Destinations destinations,
      WebhookSecrets secrets) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.destinations = destinations;
    this.secrets = secrets;
  }

  /** The endpoint with its secret: the only answer that shows it. Event names were checked against the contract. */
  Future<JsonObject> create(Principal caller, JsonObject body) {
    UUID trainerId = caller.requireTrainer();
    String secret = secrets.generate();
    return destinations.admit(body.getString("url"))
        .compose(url -> endpoints.insert(trainerId, url.toString(), body.getJsonArray("events"),
            body.getString("description"), secrets.seal(secret), MAX_ENDPOINTS))
        .map(created -> created.orElseThrow(() -> ApiException.conflict(
            "a trainer has at most " + MAX_ENDPOINTS + " webhooks: delete one first")).put("secret", secret));
  }

  Future<JsonObject> get(Principal caller, UUID id) {
    return endpoints.find(caller.requireTrainer(), id).map(found -> found.orElseThrow(() -> ApiException.notFound("webhook")));
  }

  Future<JsonObject> list(Principal caller, Page page) {
    return endpoints.list(caller.requireTrainer(), page.afterTimestamp(0), page.afterUuid(1), page.fetchSize())
        .map(rows -> page.body(rows, NewestFirst::sortKey));
  }

  Future<Void> delete(Principal caller, UUID id) {
    return endpoints.delete(caller.requireTrainer(), id).map(deleted -> {
      if (!deleted) {
        throw ApiException.notFound("webhook");
      }
      return null;
    });
  }

  /** Newest first, each with its attempts and, while it is pending, its next attempt. */
  Future<JsonObject> deliveries(Principal caller, UUID id, Page page) {
    return get(caller, id)
        .compose(endpoint -> deliveries.list(id, page.afterTimestamp(0), page.afterUuid(1), page.fetchSize()))
        .map(rows -> page.body(rows, NewestFirst::sortKey));
  }
}
