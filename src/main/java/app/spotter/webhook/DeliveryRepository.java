package app.spotter.webhook;

import app.spotter.infra.db.Column;
import app.spotter.infra.db.Kind;
import app.spotter.infra.db.NewestFirst;
import app.spotter.infra.db.TableMapping;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The outbox and its deliveries: events written in the caller's transaction, deliveries claimed by
 * one instance at a time, attempts recorded, and the delivery log.
 */
final class DeliveryRepository {
  /** An attempt's time as the API shows times (ISO-8601 UTC, milliseconds). */
  private static final String ATTEMPT_AT = "to_char(a.attempted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
  static final TableMapping LOG = TableMapping.readOnly("webhook_delivery", List.of(
      Column.of("event_id", Kind.UUID_ID),
      Column.derived("type", Kind.TEXT, "(SELECT type FROM webhook_event e WHERE e.id = {row}.event_id)"),
      Column.derived("payload", Kind.JSON, "(SELECT body::jsonb FROM webhook_event e WHERE e.id = {row}.event_id)"),
      Column.of("status", Kind.TEXT),
      Column.derived("next_attempt_at", Kind.TIMESTAMP,
          "CASE WHEN {row}.status = 'pending' THEN {row}.next_attempt_at END"),
      Column.of("finished_at", Kind.TIMESTAMP),
      Column.derived("attempts", Kind.JSON, "(SELECT coalesce(jsonb_agg(jsonb_build_object('number', a.number, 'at', "
          + ATTEMPT_AT + ", 'statusCode', a.status_code, 'error', a.error, 'durationMs', a.duration_ms)"
          + " ORDER BY a.number), '[]') FROM webhook_attempt a WHERE a.delivery_id = {row}.id)")));

  /** {@link #enqueueCtes} of one event: $1 trainer, $2 type, $3 event id, $4 body. */
  private static final String ENQUEUE = "WITH " + enqueueCtes(
      "SELECT $1::uuid AS trainer_id, $2::text AS type, $3::uuid AS id, $4::text AS body") + " SELECT 1";
  /**
   * Up to $3 due deliveries, each the oldest pending one of its endpoint (so an endpoint gets its
   * events in order), leased to claim $1 for $2 ms. Rows another instance is claiming right now are
   * skipped, and a leased row is not due until its lease runs out: one instance sends each.
   */
  private static final String CLAIM = """
      UPDATE webhook_delivery d SET claim = $1, lease_until = now() + $2::int * interval '1 millisecond'
      FROM webhook_event e, webhook_endpoint p
      WHERE d.id IN (SELECT c.id FROM webhook_delivery c
          WHERE c.status = 'pending' AND c.next_attempt_at <= now() AND (c.lease_until IS NULL OR c.lease_until < now())
            AND NOT EXISTS (SELECT 1 FROM webhook_delivery b
              WHERE b.endpoint_id = c.endpoint_id AND b.status = 'pending' AND b.seq < c.seq)
          ORDER BY c.next_attempt_at, c.seq LIMIT $3 FOR UPDATE OF c SKIP LOCKED)
        AND e.id = d.event_id AND p.id = d.endpoint_id
      RETURNING d.id, d.attempts, d.created_at, e.id AS event_id, e.body, p.url, p.secret""";
  /**
   * An attempt's outcome, if the claim $2 still holds (a delivery deleted with its endpoint, or
   * taken over after the lease ran out, records nothing): $3 status, $4 next attempt (pending only),
   * $5 when, $6 status code, $7 error, $8 duration.
   */
  private static final String RECORD = """
      WITH d AS (UPDATE webhook_delivery SET status = $3, attempts = attempts + 1,
          next_attempt_at = coalesce($4, next_attempt_at), claim = NULL, lease_until = NULL,
          finished_at = CASE WHEN $3 = 'pending' THEN NULL ELSE now() END
        WHERE id = $1 AND claim = $2 RETURNING id, attempts)
      INSERT INTO webhook_attempt (delivery_id, number, attempted_at, status_code, error, duration_ms)
      SELECT id, attempts, $5, $6, $7, $8 FROM d""";
  private static final String RELEASE = "UPDATE webhook_delivery SET claim = NULL, lease_until = NULL WHERE claim = $1";
  private static final String LIST = "SELECT " + LOG.selectList() + " FROM webhook_delivery WHERE endpoint_id = $1"
      + " AND " + NewestFirst.before(2) + " " + NewestFirst.ORDER_BY + " LIMIT $4";
  /** Events (with their deliveries and attempts) older than the log keeps. */
  private static final String PRUNE = "DELETE FROM webhook_event WHERE created_at < now() - $1::int * interval '1 day'";

  private final Pool pool;

  DeliveryRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Common table expressions that write each event of {@code events} (a query of {@code trainer_id,
   * type, id, body}) and one delivery per endpoint of its trainer that subscribed to its type; nothing
   * of an event none did. Also a live command's, in its event's statement.
   */
  public static String enqueueCtes(String events) {
    return """
        webhook_targets AS (SELECT w.id AS event_id, p.id AS endpoint_id FROM (%1$s) w
          JOIN webhook_endpoint p ON p.trainer_id = w.trainer_id AND p.events ? w.type),
        webhook_events AS (INSERT INTO webhook_event (id, trainer_id, type, body)
          SELECT w.id, w.trainer_id, w.type, w.body FROM (%1$s) w
          WHERE EXISTS (SELECT 1 FROM webhook_targets t WHERE t.event_id = w.id) RETURNING id),
        webhook_deliveries AS (INSERT INTO webhook_delivery (endpoint_id, event_id)
          SELECT t.endpoint_id, e.id FROM webhook_targets t JOIN webhook_events e ON e.id = t.event_id)"""
        .formatted(events);
  }

  Future<Void> enqueue(SqlClient tx, UUID trainerId, String type, UUID eventId, String body) {
    return tx.preparedQuery(ENQUEUE).execute(Tuple.of(trainerId, type, eventId, body)).mapEmpty();
  }

  Future<List<Claimed>> claim(UUID claim, int leaseMillis, int limit) {
    return pool.preparedQuery(CLAIM).execute(Tuple.of(claim, leaseMillis, limit)).map(rows -> {
      List<Claimed> claimed = new ArrayList<>(rows.size());
      for (Row row : rows) {
        claimed.add(new Claimed(row.getUUID("id"), claim, row.getInteger("attempts"), row.getOffsetDateTime("created_at").toInstant(),
            row.getUUID("event_id"), row.getString("body"), row.getString("url"), row.getBuffer("secret").getBytes()));
      }
      return claimed;
    });
  }

  /** {@code nextAttempt} null: the delivery is over ({@code status} delivered or failed). */
  Future<Void> record(Claimed delivery, String status, Instant nextAttempt, Attempt attempt) {
    Tuple values = Tuple.of(delivery.id(), delivery.claim(), status, utc(nextAttempt), utc(attempt.at()),
        attempt.statusCode(), attempt.error(), attempt.durationMs());
    return pool.preparedQuery(RECORD).execute(values).mapEmpty();
  }

  /** Hands back what {@code claim} holds, for another instance (or this one, later) to send. */
  Future<Void> release(UUID claim) {
    return pool.preparedQuery(RELEASE).execute(Tuple.of(claim)).mapEmpty();
  }

  Future<List<JsonObject>> list(UUID endpointId, OffsetDateTime beforeCreated, UUID beforeId, int limit) {
    return pool.preparedQuery(LIST).execute(Tuple.of(endpointId, beforeCreated, beforeId, limit)).map(LOG::all);
  }

  Future<Integer> prune(int days) {
    return pool.preparedQuery(PRUNE).execute(Tuple.of(days)).map(rows -> rows.rowCount());
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  /** A delivery this instance holds: its attempts so far, what to send, where, and with which (sealed) secret. */
  record Claimed(UUID id, UUID claim, int attempts, Instant createdAt, UUID eventId, String body, String url, byte[] sealedSecret) {}

  /** One try: when, the answer's status code or why there was none, and how long it took. */
  record Attempt(Instant at, Integer statusCode, String error, int durationMs) {}
}
