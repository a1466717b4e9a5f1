package app.spotter.webhook;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Where features announce events: {@link #enqueue} writes the event in the caller's own transaction,
 * so it is delivered if and only if the change it announces commits. Each feature decides its
 * {@code data} (ids and essentials, never free text); docs/webhooks.md lists them per event.
 */
public final class WebhookOutbox {
  private final DeliveryRepository deliveries;
  private final Runnable committed;

  WebhookOutbox(DeliveryRepository deliveries, Runnable committed) {
    this.deliveries = deliveries;
    this.committed = committed;
  }

  /**
   * Queues {@code {type, timestamp, data}} for each of the trainer's endpoints subscribed to
   * {@code type} (nothing when none is). {@code tx} must be the transaction of the change; once a
   * {@code pool.withTransaction} transaction commits, this instance sends at once, else within a poll.
   */
  public Future<Void> enqueue(SqlClient tx, UUID trainerId, EventType type, JsonObject data) {
    Announcement event = announcement(type, data);
    if (tx instanceof SqlConnection connection && connection.transaction() != null) {
      connection.transaction().completion().onSuccess(v -> committed.run());
    }
    return deliveries.enqueue(tx, trainerId, event.type(), event.id(), event.body());
  }

  /**
   * The event {@code {type, timestamp, data}} as the outbox keeps it, for a caller that writes it in a
   * statement of its own ({@link DeliveryRepository#enqueueCtes}); the worker finds it within a poll.
   */
  public static Announcement announcement(EventType type, JsonObject data) {
    String body = new JsonObject()
        .put("type", type.wire())
        .put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
        .put("data", data)
        .encode();
    return new Announcement(type.wire(), UUID.randomUUID(), body);
  }

  /** Common table expressions that write the webhook events of {@code events}, a query of {@code trainer_id, type, id, body}. */
  public static String enqueueCtes(String events) {
    return DeliveryRepository.enqueueCtes(events);
  }

  /** A webhook event to write: its type's wire name, id and body as sent. */
  public record Announcement(String type, UUID id, String body) {}
}
