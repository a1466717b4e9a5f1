package app.spotter.infra;

import app.spotter.config.DatabaseUrl;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** Builds the Postgres pools and the Redis client from configuration. */
public final class Clients {
  /** One batch of reads (a statement per kind) and one of commits in flight per instance need few connections. */
  private static final int BATCH_CONNECTIONS = 8;
  /**
   * Statements up to this long are prepared once per connection. The client's default (2,048
   * characters) left the live engine's event statement, about 4,900, to be parsed and planned again
   * at every execution: 0.8 ms of Postgres's time a batch (docs/performance.md).
   */
  static final int PREPARED_SQL_LIMIT = 16_384;

  private Clients() {}

  public static Pool postgres(Vertx vertx, DatabaseUrl url, int maxSize) {
    return postgres(vertx, url, maxSize, "spotter-pg", new PgConnectOptions());
  }

  /**
   * The live engine's batched statements ({@code ReadBatches}, {@code EventCommits}). Their values
   * arrive as arrays of keys, so no plan depends on them, yet Postgres would plan each execution
   * afresh (a custom plan): these connections always use the prepared statement's generic plan.
   */
  public static Pool batches(Vertx vertx, DatabaseUrl url) {
    return postgres(vertx, url, BATCH_CONNECTIONS, "spotter-pg-batches",
        new PgConnectOptions().addProperty("plan_cache_mode", "force_generic_plan"));
  }

  private static Pool postgres(Vertx vertx, DatabaseUrl url, int maxSize, String name, PgConnectOptions connect) {
    connect
        .setHost(url.host())
        .setPort(url.port())
        .setDatabase(url.database())
        .setUser(url.user())
        .setPassword(url.password())
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheSqlLimit(PREPARED_SQL_LIMIT)
        .setPipeliningLimit(256);
    return PgBuilder.pool()
        // A request waits at most 10 s for a connection, and at most 1,000 wait: beyond that it fails fast.
        .with(new PoolOptions().setMaxSize(maxSize).setName(name).setShared(false)
            .setConnectionTimeout(10).setConnectionTimeoutUnit(TimeUnit.SECONDS)
            .setMaxWaitQueueSize(1000))
        .connectingTo(connect)
        .using(vertx)
        .build();
  }

  public static Redis redis(Vertx vertx, URI url) {
    return Redis.createClient(vertx, new RedisOptions()
        .setConnectionString(url.toString())
        .setMaxPoolSize(16)
        .setMaxPoolWaiting(1024)
        .setMaxWaitingHandlers(4096));
  }
}
