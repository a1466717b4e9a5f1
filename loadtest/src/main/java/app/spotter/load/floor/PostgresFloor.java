package app.spotter.load.floor;

import app.spotter.load.OpenLoop;
import app.spotter.load.Options;
import app.spotter.load.Timing;
import app.spotter.load.metrics.Counters;
import app.spotter.load.metrics.Latencies;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The commit floor: one single-row INSERT (autocommit: one round trip, one WAL flush) per sender
 * per interval, over a pool with the server's settings, into a scratch table in the server's own
 * database that is dropped afterwards. Durability as configured on that server (nothing turned off).
 */
public final class PostgresFloor {
  public static final String NAME = "floor:postgres-insert-commit";
  private static final String CREATE = "CREATE TABLE IF NOT EXISTS loadtest_commit_floor (id bigserial PRIMARY KEY,"
      + " sender int NOT NULL, at timestamptz NOT NULL DEFAULT now(), payload jsonb NOT NULL)";
  private static final String INSERT = "INSERT INTO loadtest_commit_floor (sender, payload) VALUES ($1, $2)";
  private static final String DROP = "DROP TABLE IF EXISTS loadtest_commit_floor";

  private PostgresFloor() {}

  public static void run(Vertx vertx, Options options, URI databaseUrl, Latencies latencies, Counters counters) {
    Pool pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(options.dbPoolSize()).setShared(false))
        .connectingTo(connectOptions(databaseUrl))
        .using(vertx)
        .build();
    try {
      pool.query(CREATE).execute().await();
      JsonObject payload = new JsonObject().put("setId", "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9").put("reps", 8)
          .put("weight", 62.5).put("unit", "kg");
      AtomicLong inFlight = new AtomicLong();
      List<Context> loops = Timing.eventLoops(vertx);
      List<Context> senders = java.util.stream.IntStream.range(0, options.sessions())
          .mapToObj(i -> loops.get(i % loops.size())).toList();
      OpenLoop.runAll(OpenLoop.Schedule.of(FloorWarmup.of(options), options.floorDuration()), senders,
          options.interval(), options.seed(), (i, intended, measured) -> {
            inFlight.incrementAndGet();
            pool.preparedQuery(INSERT).execute(Tuple.of(i, payload)).onComplete(r -> {
              inFlight.decrementAndGet();
              if (r.failed()) {
                counters.add("error:floor-insert-failed");
              } else if (measured) {
                latencies.recordNanos(NAME, System.nanoTime() - intended);
              }
            });
          }).await();
      Timing.waitUntil(() -> inFlight.get() == 0, options.drain());
      pool.query(DROP).execute().await();
    } finally {
      pool.close().await();
    }
  }

  /** {@code postgresql://user:password@host:port/database}, as Spotter's SPOTTER_DATABASE_URL. */
  static PgConnectOptions connectOptions(URI url) {
    String[] user = url.getRawUserInfo() == null ? new String[] {"postgres"} : url.getRawUserInfo().split(":", 2);
    String database = url.getPath() == null || url.getPath().length() <= 1 ? "postgres" : url.getPath().substring(1);
    return new PgConnectOptions().setHost(url.getHost()).setPort(url.getPort() < 0 ? 5432 : url.getPort())
        .setDatabase(database).setUser(decode(user[0])).setPassword(user.length > 1 ? decode(user[1]) : "")
        .setCachePreparedStatements(true).setPipeliningLimit(256);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
