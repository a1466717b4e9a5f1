package app.spotter.infra;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/** Whether Postgres answers: checked at startup and by the readiness probe. */
public final class DatabaseHealth {
  private static final String PING = "SELECT 1";

  private final Pool pool;

  public DatabaseHealth(Pool pool) {
    this.pool = pool;
  }

  /** Fails when no connection can be had or the query fails. */
  public Future<Void> ping() {
    return pool.query(PING).execute().mapEmpty();
  }
}
