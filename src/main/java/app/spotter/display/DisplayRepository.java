package app.spotter.display;

import app.spotter.auth.DisplayTokens;
import app.spotter.auth.Principal;
import app.spotter.auth.Role;
import app.spotter.infra.db.Column;
import app.spotter.infra.db.Kind;
import app.spotter.infra.db.NewestFirst;
import app.spotter.infra.db.TableMapping;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Paired wall displays, scoped by their trainer. Only the display token's hash is stored. */
public final class DisplayRepository implements DisplayTokens {
  private static final TableMapping TABLE = TableMapping.readOnly("display", List.of(
      Column.of("name", Kind.TEXT),
      Column.of("location", Kind.TEXT),
      Column.of("last_seen_at", Kind.TIMESTAMP),
      Column.of("revoked_at", Kind.TIMESTAMP)));

  private static final String PRINCIPAL_FOR_TOKEN = """
      UPDATE display SET last_seen_at = now()
      WHERE token_hash = $1 AND revoked_at IS NULL
      RETURNING id, trainer_id""";
  /** A claimed display has no token yet: {@link #handOutToken} gives it one. */
  private static final String INSERT = "INSERT INTO display (trainer_id, name, location)"
      + " VALUES ($1, $2, $3) RETURNING " + TABLE.selectList();
  /**
   * Its token's hash, once: of two concurrent hand-outs the second waits for the first's row lock,
   * then finds a hash there and changes nothing. A revoked display gets none.
   */
  private static final String HAND_OUT_TOKEN = "UPDATE display SET token_hash = $2"
      + " WHERE id = $1 AND token_hash IS NULL AND revoked_at IS NULL RETURNING " + TABLE.selectList();
  private static final String LIST = "SELECT " + TABLE.selectList() + " FROM display WHERE trainer_id = $1 AND "
      + NewestFirst.before(2) + " " + NewestFirst.ORDER_BY + " LIMIT $4";
  private static final String REVOKE =
      "UPDATE display SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND trainer_id = $2";

  private final Pool pool;

  public DisplayRepository(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Optional<Principal>> principalForToken(byte[] tokenHash) {
    return pool.preparedQuery(PRINCIPAL_FOR_TOKEN).execute(Tuple.of(Buffer.buffer(tokenHash)))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row row = rows.iterator().next();
          return Optional.of(new Principal(Role.DISPLAY, row.getUUID("id"), row.getUUID("trainer_id")));
        });
  }

  public Future<JsonObject> insert(SqlClient client, UUID trainerId, String name, String location) {
    return client.preparedQuery(INSERT).execute(Tuple.of(trainerId, name, location))
        .map(rows -> TABLE.toJson(rows.iterator().next()));
  }

  /** The display, now holding the token with this hash; empty when it has one already, is revoked or gone. */
  public Future<Optional<JsonObject>> handOutToken(UUID displayId, byte[] tokenHash) {
    return pool.preparedQuery(HAND_OUT_TOKEN).execute(Tuple.of(displayId, Buffer.buffer(tokenHash)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(TABLE.toJson(rows.iterator().next())));
  }

  /** Newest first. */
  public Future<List<JsonObject>> list(UUID trainerId, OffsetDateTime afterCreatedAt, UUID afterId, int limit) {
    return pool.preparedQuery(LIST).execute(Tuple.of(trainerId, afterCreatedAt, afterId, limit)).map(TABLE::all);
  }

  /** Returns whether the display exists; revoking a revoked display changes nothing and is no error. */
  public Future<Boolean> revoke(UUID trainerId, UUID id) {
    return pool.preparedQuery(REVOKE).execute(Tuple.of(id, trainerId)).map(rows -> rows.rowCount() > 0);
  }
}
