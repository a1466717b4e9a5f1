package app.spotter.display;

import app.spotter.auth.Principal;
import app.spotter.auth.Role;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/** Paired wall displays. */
public final class DisplayRepository {
  private static final String PRINCIPAL_FOR_TOKEN = """
      UPDATE display SET last_seen_at = now()
      WHERE token_hash = $1 AND revoked_at IS NULL
      RETURNING id, trainer_id""";

  private final Pool pool;

  public DisplayRepository(Pool pool) {
    this.pool = pool;
  }

  /** The display holding this token, unless revoked; fails otherwise. */
  public Future<Principal> principalForToken(byte[] tokenHash) {
    return pool.preparedQuery(PRINCIPAL_FOR_TOKEN).execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(tokenHash)))
        .map(rows -> {
          if (rows.size() == 0) {
            throw new IllegalArgumentException("unknown or revoked display token");
          }
          Row row = rows.iterator().next();
          return new Principal(Role.DISPLAY, row.getUUID("id"), row.getUUID("trainer_id"));
        });
  }
}
