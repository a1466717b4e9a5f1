package app.spotter.trainee;

import app.spotter.infra.db.Column;
import app.spotter.infra.db.Kind;
import app.spotter.infra.db.NewestFirst;
import app.spotter.infra.db.TableMapping;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Trainee access links. Only the token's hash is stored; rows never leave this class with it. */
public final class AccessLinkRepository {
  private static final TableMapping TABLE = TableMapping.readOnly("trainee_access_link", List.of(
      Column.of("label", Kind.TEXT),
      Column.of("expires_at", Kind.TIMESTAMP),
      Column.of("last_used_at", Kind.TIMESTAMP),
      Column.of("revoked_at", Kind.TIMESTAMP)));

  private static final String INSERT = "INSERT INTO trainee_access_link (trainee_id, trainer_id, token_hash, label, "
      + "expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING " + TABLE.selectList();
  private static final String LIST = "SELECT " + TABLE.selectList() + " FROM trainee_access_link"
      + " WHERE trainee_id = $1 AND trainer_id = $2 AND " + NewestFirst.before(3) + " " + NewestFirst.ORDER_BY
      + " LIMIT $5";
  private static final String REVOKE = "UPDATE trainee_access_link SET revoked_at = coalesce(revoked_at, now())"
      + " WHERE id = $1 AND trainee_id = $2 AND trainer_id = $3";
  /**
   * Uses the link in one step: only a live one matches, and its use is recorded. An archived
   * trainee's links match nothing until the trainee is restored.
   */
  private static final String USE = """
      UPDATE trainee_access_link l SET last_used_at = now()
      WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
        AND NOT EXISTS (SELECT 1 FROM trainee t WHERE t.id = l.trainee_id AND t.archived_at IS NOT NULL)
      RETURNING id, trainee_id, trainer_id""";

  /** A link that was just used: who it lets in. */
  public record Use(UUID linkId, UUID traineeId, UUID trainerId) {}

  private final Pool pool;

  public AccessLinkRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonObject> insert(UUID trainerId, UUID traineeId, byte[] tokenHash, String label,
      OffsetDateTime expiresAt) {
    return pool.preparedQuery(INSERT)
        .execute(Tuple.of(traineeId, trainerId, Buffer.buffer(tokenHash), label, expiresAt))
        .map(rows -> TABLE.toJson(rows.iterator().next()));
  }

  /** Newest first. */
  public Future<List<JsonObject>> list(UUID trainerId, UUID traineeId, OffsetDateTime afterCreatedAt, UUID afterId,
      int limit) {
    return pool.preparedQuery(LIST)
        .execute(Tuple.of(traineeId, trainerId, afterCreatedAt, afterId, limit))
        .map(TABLE::all);
  }

  /** Returns whether the link exists (revoking a revoked link changes nothing and is no error). */
  public Future<Boolean> revoke(UUID trainerId, UUID traineeId, UUID linkId) {
    return pool.preparedQuery(REVOKE).execute(Tuple.of(linkId, traineeId, trainerId)).map(rows -> rows.rowCount() > 0);
  }

  /** Empty when no live link has this token: unknown, expired or revoked. */
  public Future<Optional<Use>> use(byte[] tokenHash) {
    return pool.preparedQuery(USE).execute(Tuple.of(Buffer.buffer(tokenHash))).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new Use(row.getUUID("id"), row.getUUID("trainee_id"), row.getUUID("trainer_id")));
    });
  }
}
