package app.spotter.live;

import app.spotter.Main;
import app.spotter.Spotter;
import app.spotter.config.SpotterConfig;
import app.spotter.support.TcpProxy;
import app.spotter.support.TestStack;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Another Spotter in this JVM, with its own Vert.x, sharing the test stack's Postgres, Redis and JWT
 * secret: a second instance of a scaled-out deployment. Clients, Postgres and Redis reach it through
 * {@link TcpProxy}s, so that {@link #crash()} can cut it off the way a dying host is.
 */
final class ExtraInstance implements AutoCloseable {
  /** Where clients connect (the front proxy). */
  final int port;
  private final Vertx vertx;
  private final Spotter spotter;
  private final List<TcpProxy> roads;
  /** Its roads to Redis and Postgres, to cut and heal. */
  final TcpProxy redisRoad;
  final TcpProxy databaseRoad;
  private boolean gone;

  private ExtraInstance(Map<String, String> overrides) {
    TestStack stack = TestStack.get();
    Map<String, String> env = new HashMap<>(stack.env);
    URI database = URI.create(env.get("SPOTTER_DATABASE_URL"));
    URI redis = URI.create(env.get("SPOTTER_REDIS_URL"));
    TcpProxy toDatabase = new TcpProxy(stack.vertx, database.getHost(), database.getPort());
    TcpProxy toRedis = new TcpProxy(stack.vertx, redis.getHost(), redis.getPort());
    env.put("SPOTTER_DATABASE_URL", database.toString().replace(":" + database.getPort() + "/", ":" + toDatabase.port() + "/"));
    env.put("SPOTTER_REDIS_URL", "redis://" + redis.getRawUserInfo() + "@" + redis.getHost() + ":" + toRedis.port());
    env.put("SPOTTER_PORT", String.valueOf(freePort()));
    env.put("SPOTTER_HTTP_INSTANCES", "1");
    env.putAll(overrides);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    vertx = Main.newVertx(registry);
    spotter = Spotter.start(vertx, SpotterConfig.from(env), registry).await();
    TcpProxy front = new TcpProxy(stack.vertx, "localhost", Integer.parseInt(env.get("SPOTTER_PORT")));
    port = front.port();
    roads = List.of(front, toDatabase, toRedis);
    redisRoad = toRedis;
    databaseRoad = toDatabase;
  }

  /** Started with the test stack's environment plus {@code overrides} (SPOTTER_LIVE_* timings, say). */
  static ExtraInstance start(Map<String, String> overrides) {
    return new ExtraInstance(overrides);
  }

  /**
   * As abrupt as it gets in one JVM: every connection to and from it (clients, Postgres, Redis) is cut
   * at once, so it can neither say goodbye nor tidy up, and only then is its Vert.x closed (without
   * {@link Spotter#stop()}) to free the threads.
   */
  void crash() {
    gone = true;
    roads.forEach(TcpProxy::cut);
    vertx.close().await();
  }

  @Override
  public void close() {
    if (!gone) {
      gone = true;
      // Not stop().eventually(vertx::close): that future completes on this Vert.x's loop, gone by then.
      spotter.stop().await();
      vertx.close().await();
    }
    roads.forEach(TcpProxy::close);
  }

  private static int freePort() {
    try {
      return TestStack.freePort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
