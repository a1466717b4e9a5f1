package app.spotter.webhook;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One attempt of one delivery: the Standard Webhooks headers, the stored body, an answer within
 * {@link #TIMEOUT_MS}. Redirects are not followed (a 3xx is a failed attempt): a redirect could lead
 * to an address the destination check never saw.
 */
final class WebhookSender {
  static final int TIMEOUT_MS = 10_000;
  private static final int MAX_ERROR_LENGTH = 200;

  private final Vertx vertx;
  private final HttpClient client;
  private final Destinations destinations;
  private final WebhookSecrets secrets;

  WebhookSender(Vertx vertx, Destinations destinations, WebhookSecrets secrets) {
    this.vertx = vertx;
    this.destinations = destinations;
    this.secrets = secrets;
    this.client = vertx.createHttpClient(new HttpClientOptions()
        .setConnectTimeout(TIMEOUT_MS)
        .setKeepAliveTimeout(30));
  }

  /** Always succeeds, with the attempt as it went: a status code, or the reason there was none. */
  Future<DeliveryRepository.Attempt> send(DeliveryRepository.Claimed delivery) {
    Instant at = Instant.now();
    long started = System.nanoTime();
    URI url = URI.create(delivery.url());
    return destinations.pin(url)
        .compose(address -> {
          long timestamp = Instant.now().getEpochSecond();
          String id = delivery.eventId().toString();
          RequestOptions options = new RequestOptions()
              .setMethod(HttpMethod.POST)
              .setAbsoluteURI(delivery.url())
              .setFollowRedirects(false)
              .putHeader("content-type", "application/json")
              .putHeader("user-agent", "Spotter-Webhooks/1")
              .putHeader("webhook-id", id)
              .putHeader("webhook-timestamp", String.valueOf(timestamp))
              .putHeader("webhook-signature",
                  WebhookSignature.sign(secrets.open(delivery.sealedSecret()), id, timestamp, delivery.body()));
          address.ifPresent(a -> options.setServer(SocketAddress.inetSocketAddress(options.getPort(), a.getHostAddress())));
          return client.request(options).compose(request -> {
            // One deadline for the whole attempt, however slowly the receiver drips its answer.
            AtomicBoolean late = new AtomicBoolean();
            long timer = vertx.setTimer(Math.max(1, TIMEOUT_MS - elapsedMs(started)), t -> {
              late.set(true);
              request.reset();
            });
            return request.send(delivery.body())
                .compose(response -> response.end().map(v -> response.statusCode()))
                .onComplete(done -> vertx.cancelTimer(timer))
                .recover(e -> Future.failedFuture(late.get() ? new TimeoutException("no answer within 10 s") : e));
          });
        })
        .map(status -> new DeliveryRepository.Attempt(at, status, null, elapsedMs(started)))
        .otherwise(e -> new DeliveryRepository.Attempt(at, null, describe(e), elapsedMs(started)));
  }

  Future<Void> close() {
    return client.close();
  }

  private static int elapsedMs(long started) {
    return (int) ((System.nanoTime() - started) / 1_000_000);
  }

  /** For the delivery log: what went wrong, never more than the column holds. */
  private static String describe(Throwable e) {
    String kind = e instanceof TimeoutException ? "timeout" : e instanceof Destinations.Refused ? "refused" : "failed";
    String text = e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
  }
}
