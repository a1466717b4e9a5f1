package app.spotter.auth;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Rotating refresh tokens, grouped in families: reuse of a rotated one revokes its family. */
public final class RefreshTokenRepository {
  private static final String INSERT =
      "INSERT INTO refresh_token (trainer_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)";
  /** Marks a live token used in one step, so two concurrent refreshes cannot both win. */
  private static final String CONSUME = """
      UPDATE refresh_token SET used_at = now()
      WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
      RETURNING trainer_id, family_id""";
  private static final String FAMILY_OF = "SELECT family_id FROM refresh_token WHERE token_hash = $1";
  private static final String REVOKE_FAMILY =
      "UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL";
  private static final String REVOKE_ALL_OF_TRAINER_BUT = "UPDATE refresh_token SET revoked_at = now()"
      + " WHERE trainer_id = $1 AND family_id IS DISTINCT FROM $2 AND revoked_at IS NULL";
  /**
   * The token owner's password version, the owner's row locked until the transaction ends: a password
   * change then either waits for this refresh (and revokes what it hands out) or goes first (and this
   * refresh finds its token revoked).
   */
  private static final String LOCK_OWNER = """
      SELECT t.password_version FROM refresh_token r JOIN trainer t ON t.id = r.trainer_id
      WHERE r.token_hash = $1 FOR SHARE OF t""";

  /** A consumed token: whose it was and its family. */
  public record Consumed(UUID trainerId, UUID familyId) {}

  public Future<Void> insert(SqlClient client, UUID trainerId, UUID familyId, byte[] hash, OffsetDateTime expiresAt) {
    return client.preparedQuery(INSERT).execute(Tuple.of(trainerId, familyId, Buffer.buffer(hash), expiresAt)).mapEmpty();
  }

  public Future<Optional<Consumed>> consume(SqlClient client, byte[] hash) {
    return client.preparedQuery(CONSUME).execute(Tuple.of(Buffer.buffer(hash))).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new Consumed(row.getUUID("trainer_id"), row.getUUID("family_id")));
    });
  }

  /** Revokes the family the token belongs to, if it is one of ours; returns whether it was. */
  public Future<Boolean> revokeFamilyOf(SqlClient client, byte[] hash) {
    return client.preparedQuery(FAMILY_OF).execute(Tuple.of(Buffer.buffer(hash))).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture(false);
      }
      UUID family = rows.iterator().next().getUUID(0);
      return client.preparedQuery(REVOKE_FAMILY).execute(Tuple.of(family)).map(true);
    });
  }

  /** Revokes every family of the trainer but {@code keptFamily} (null: every one). */
  public Future<Void> revokeAllOfBut(SqlClient client, UUID trainerId, UUID keptFamily) {
    return client.preparedQuery(REVOKE_ALL_OF_TRAINER_BUT).execute(Tuple.of(trainerId, keptFamily)).mapEmpty();
  }

  /** Locks the token's owner against a password change; its password version, empty for an unknown token. */
  public Future<Optional<Integer>> lockOwner(SqlClient client, byte[] hash) {
    return client.preparedQuery(LOCK_OWNER).execute(Tuple.of(Buffer.buffer(hash)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getInteger(0)));
  }
}
