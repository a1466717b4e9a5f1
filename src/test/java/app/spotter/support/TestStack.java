package app.spotter.support;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.Main;
import app.spotter.Spotter;
import app.spotter.config.DatabaseUrl;
import app.spotter.config.SpotterConfig;
import app.spotter.exercise.LibrarySeed;
import app.spotter.infra.Clients;
import app.spotter.infra.EmbeddedServers;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * One real Postgres and Redis (embedded, fsync off) and one Spotter for the whole test run,
 * started on first use. {@link #reset()} empties every table and Redis between tests.
 */
public final class TestStack {
  private static TestStack instance;

  public final EmbeddedServers servers = new EmbeddedServers();
  public final Path dataDir;
  public final Map<String, String> env = new HashMap<>();
  public final Vertx vertx;
  public final Spotter spotter;
  public final int port;
  private final Pool pool;
  private final Redis redis;
  private final DatabaseUrl database;

  private TestStack() throws IOException {
    dataDir = Files.createTempDirectory("spotter-test");
    database = servers.startPostgres(dataDir, false);
    var redisUrl = servers.startRedis(dataDir);
    port = freePort();
    env.put("SPOTTER_PORT", String.valueOf(port));
    env.put("SPOTTER_DATABASE_URL", database.connectionString());
    env.put("SPOTTER_REDIS_URL", redisUrl.toString());
    env.put("SPOTTER_DATA_DIR", dataDir.toString());
    env.put("SPOTTER_JWT_SECRET", "test-secret-test-secret-test-secret-0123456789");
    env.put("SPOTTER_HTTP_INSTANCES", "2");
    // Every test registers its trainers from 127.0.0.1; tests of the limit start their own instance.
    env.put("SPOTTER_REGISTRATIONS_PER_IP", "0");
    // Webhooks may aim at 127.0.0.1 (refusal tests start their own instance) and are sent by the
    // instances webhook tests start, which retry in fractions of a second.
    env.put("SPOTTER_WEBHOOKS_ALLOW_PRIVATE", "true");
    env.put("SPOTTER_WEBHOOKS_DELIVER", "false");
    env.put("SPOTTER_WEBHOOKS_RETRY_BASE", "PT0.2S");
    env.put("SPOTTER_WEBHOOKS_POLL_INTERVAL", "PT0.2S");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    vertx = Main.newVertx(registry);
    spotter = Spotter.start(vertx, SpotterConfig.from(env), registry).await();
    pool = Clients.postgres(vertx, database, 2);
    redis = Clients.redis(vertx, redisUrl);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      vertx.close();
      servers.close();
    }));
  }

  public static synchronized TestStack get() {
    if (instance == null) {
      try {
        instance = new TestStack();
      } catch (IOException e) {
        throw new IllegalStateException("the test stack did not start", e);
      }
    }
    return instance;
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /** Every table emptied (schema kept) but for the exercise library, which is loaded again; Redis flushed. */
  public void reset() {
    pool.query("TRUNCATE trainer, live_session_event, refresh_token, trainee_access_link, display CASCADE").execute().await();
    // Custom exercises refer to their trainer, so the truncate empties the exercise table too.
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
      LibrarySeed.upsert(c);
    } catch (SQLException e) {
      throw new IllegalStateException("the exercise library could not be loaded again", e);
    }
    redis.send(Request.cmd(Command.FLUSHALL)).await();
  }

  /** Runs SQL directly, for tests that must look under the API (e.g. that nothing was written). */
  public long count(String sql) {
    return pool.query(sql).execute().await().iterator().next().getLong(0);
  }

  /**
   * Waits (at most 5 s) until {@code count} statements wait for a lock, {@code whose} narrowing which
   * ("" for any): a command is then queued behind a lock a test holds.
   */
  public void awaitLockWaiters(int count, String whose) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5_000;
    while (count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'" + whose) < count) {
      assertThat(System.currentTimeMillis()).as(count + " statements waiting for a lock").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** Changes rows directly, for what the API cannot do on demand (let a link expire). */
  public void execute(String sql) {
    pool.query(sql).execute().await();
  }

  public Redis redis() {
    return redis;
  }

  /** A new, empty database on the stack's Postgres (no migration run), for tests of the schema itself. */
  public DatabaseUrl emptyDatabase(String prefix) throws SQLException {
    DatabaseUrl admin = servers.databaseUrl();
    String name = prefix + "_" + System.nanoTime();
    try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password())) {
      c.createStatement().execute("CREATE DATABASE " + name);
    }
    return new DatabaseUrl(admin.host(), admin.port(), name, admin.user(), admin.password());
  }

  /** The test's own pool on the stack's Postgres, for repositories tested on their own. */
  public Pool pool() {
    return pool;
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
