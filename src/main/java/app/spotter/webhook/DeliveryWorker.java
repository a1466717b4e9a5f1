package app.spotter.webhook;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds, on every instance: it polls for due deliveries (and looks at once
 * when this instance commits an event), claims them in Postgres so that one instance sends each,
 * and records every attempt. All state is in Postgres: a delivery in flight when an instance stops
 * is handed back, and one whose instance died is taken over when its lease runs out.
 */
public final class DeliveryWorker extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
  /** Longer than any attempt takes (resolving, connecting and the answer, 10 s each at most). */
  static final int LEASE_MS = 60_000;
  private static final int MAX_IN_FLIGHT = 32;
  private static final int KEPT_DAYS = 30;
  private static final long PRUNE_MS = Duration.ofHours(1).toMillis();

  private final DeliveryRepository deliveries;
  private final WebhookSender sender;
  private final RetrySchedule schedule;
  private final long pollMs;
  /** This run's claim on the deliveries it is sending. */
  private final UUID claim = UUID.randomUUID();
  private final Set<UUID> inFlight = new HashSet<>();
  private boolean polling;
  private boolean pollAgain;
  private boolean stopped;
  private long pollTimer = -1;
  private long pruneTimer = -1;

  DeliveryWorker(DeliveryRepository deliveries, WebhookSender sender, RetrySchedule schedule, Duration pollInterval) {
    this.deliveries = deliveries;
    this.sender = sender;
    this.schedule = schedule;
    this.pollMs = Math.max(1, pollInterval.toMillis());
  }

  @Override
  public Future<?> start() {
    pollTimer = vertx.setPeriodic(pollMs, id -> poll());
    pruneTimer = vertx.setPeriodic(PRUNE_MS, id -> prune());
    poll();
    return Future.succeededFuture();
  }

  /** Deliveries in flight are handed back; their answers, if they still come, are not recorded. */
  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(pollTimer);
    vertx.cancelTimer(pruneTimer);
    return deliveries.release(claim)
        .onFailure(e -> LOG.warn("webhook deliveries in flight not handed back (taken over when their lease runs out): {}",
            e.getMessage()))
        .transform(released -> sender.close());
  }

  /** Looks for due deliveries now; from any thread (an event was just committed). */
  void wake() {
    if (context != null) {
      context.runOnContext(v -> poll());
    }
  }

  private void poll() {
    if (stopped) {
      return;
    }
    int room = MAX_IN_FLIGHT - inFlight.size();
    if (polling || room <= 0) {
      pollAgain = polling;
      return;
    }
    polling = true;
    deliveries.claim(claim, LEASE_MS, room)
        .onSuccess(claimed -> claimed.forEach(this::deliver))
        .onFailure(e -> LOG.warn("webhook deliveries not claimed (tried again shortly): {}", e.getMessage()))
        .onComplete(done -> {
          polling = false;
          if (pollAgain) {
            pollAgain = false;
            poll();
          }
        });
  }

  /** Once an attempt is recorded the endpoint's next event may be due: look again at once. */
  private void deliver(DeliveryRepository.Claimed delivery) {
    inFlight.add(delivery.id());
    sender.send(delivery)
        .compose(attempt -> record(delivery, attempt))
        .onFailure(e -> LOG.warn("webhook attempt of delivery {} not recorded (sent again after its lease): {}",
            delivery.id(), e.getMessage()))
        .onComplete(done -> {
          inFlight.remove(delivery.id());
          poll();
        });
  }

  private Future<Void> record(DeliveryRepository.Claimed delivery, DeliveryRepository.Attempt attempt) {
    if (attempt.statusCode() != null && attempt.statusCode() >= 200 && attempt.statusCode() < 300) {
      return deliveries.record(delivery, "delivered", null, attempt);
    }
    Optional<Instant> next = schedule.next(delivery.attempts() + 1, delivery.createdAt(), Instant.now());
    if (next.isEmpty()) {
      LOG.info("webhook delivery {} failed: no success within {}", delivery.id(), RetrySchedule.WINDOW);
    }
    return deliveries.record(delivery, next.isPresent() ? "pending" : "failed", next.orElse(null), attempt);
  }

  private void prune() {
    deliveries.prune(KEPT_DAYS)
        .onSuccess(count -> LOG.debug("forgot {} webhook events older than {} days", count, KEPT_DAYS))
        .onFailure(e -> LOG.warn("old webhook events not forgotten (tried again in an hour): {}", e.getMessage()));
  }
}
