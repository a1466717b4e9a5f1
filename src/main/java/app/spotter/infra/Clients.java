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

/** Builds the shared Postgres pool and Redis client from configuration. */
public final class Clients {
  private Clients() {}

  public static Pool postgres(Vertx vertx, DatabaseUrl url, int maxSize) {
    PgConnectOptions connect = new PgConnectOptions()
        .setHost(url.host())
        .setPort(url.port())
        .setDatabase(url.database())
        .setUser(url.user())
        .setPassword(url.password())
        .setCachePreparedStatements(true)
        .setPipeliningLimit(256);
    return PgBuilder.pool()
        // A request waits at most 10 s for a connection, and at most 1,000 wait: beyond that it fails fast.
        .with(new PoolOptions().setMaxSize(maxSize).setName("spotter-pg").setShared(false)
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
