package app.spotter.webhook;

import app.spotter.infra.db.Column;
import app.spotter.infra.db.Kind;
import app.spotter.infra.db.NewestFirst;
import app.spotter.infra.db.TableMapping;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A trainer's webhook endpoints. Their sealed secrets are written here and read back only to sign
 * deliveries ({@link DeliveryRepository}), never shown.
 */
final class EndpointRepository {
  static final TableMapping TABLE = TableMapping.readOnly("webhook_endpoint", List.of(
      Column.of("url", Kind.TEXT),
      Column.of("events", Kind.JSON),
      Column.of("description", Kind.TEXT)));

  /** Nothing is inserted when the trainer has {@code $6} endpoints already. */
  private static final String INSERT = "INSERT INTO webhook_endpoint (trainer_id, url, events, description, secret)"
      + " SELECT $1, $2, $3, $4, $5 WHERE (SELECT count(*) FROM webhook_endpoint WHERE trainer_id = $1) < $6"
      + " RETURNING " + TABLE.selectList();
  private static final String LIST = "SELECT " + TABLE.selectList() + " FROM webhook_endpoint WHERE trainer_id = $1"
      + " AND " + NewestFirst.before(2) + " " + NewestFirst.ORDER_BY + " LIMIT $4";
  private static final String FIND = "SELECT " + TABLE.selectList() + " FROM webhook_endpoint WHERE id = $1 AND trainer_id = $2";
  /** Its pending deliveries go with it (ON DELETE CASCADE): nothing more is sent. */
  private static final String DELETE = "DELETE FROM webhook_endpoint WHERE id = $1 AND trainer_id = $2";

  private final Pool pool;

  EndpointRepository(Pool pool) {
    this.pool = pool;
  }

  /** Empty when the trainer has {@code limit} endpoints already. */
  Future<Optional<JsonObject>> insert(UUID trainerId, String url, JsonArray events, String description,
      byte[] sealedSecret, int limit) {
    Tuple values = Tuple.of(trainerId, url, events, description, Buffer.buffer(sealedSecret), limit);
    return pool.preparedQuery(INSERT).execute(values).map(TABLE::first);
  }

  Future<List<JsonObject>> list(UUID trainerId, OffsetDateTime beforeCreated, UUID beforeId, int limit) {
    return pool.preparedQuery(LIST).execute(Tuple.of(trainerId, beforeCreated, beforeId, limit)).map(TABLE::all);
  }

  Future<Optional<JsonObject>> find(UUID trainerId, UUID id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id, trainerId)).map(TABLE::first);
  }

  Future<Boolean> delete(UUID trainerId, UUID id) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(id, trainerId)).map(rows -> rows.rowCount() > 0);
  }
}
