package app.spotter;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.config.SpotterConfig;
import app.spotter.infra.EmbeddedServers;
import app.spotter.support.Api;
import app.spotter.support.Reply;
import app.spotter.support.TestStack;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The embedded default, for real: no URLs configured, data in a data dir, stopped and started again. */
class EmbeddedRestartTest {

  @Test
  @DisplayName("with nothing configured, data written before a restart is there after it")
  void dataSurvivesRestart() throws Exception {
    Path dataDir = Files.createTempDirectory("spotter-embedded");
    Map<String, String> env = Map.of(
        "SPOTTER_DATA_DIR", dataDir.toString(),
        "SPOTTER_PORT", String.valueOf(TestStack.freePort()),
        "SPOTTER_HTTP_INSTANCES", "1");
    SpotterConfig config = SpotterConfig.from(env);
    Api api = new Api("http://localhost:" + config.port(), null);
    JsonObject account = new JsonObject().put("email", "keeper@gym.test").put("password", "a long password")
        .put("name", "Keeper");

    runOnce(config, () -> {
      assertThat(api.get("/health/ready").status()).isEqualTo(200);
      assertThat(api.post("/auth/register", account).status()).isEqualTo(201);
    });
    runOnce(config, () -> {
      Reply byEmail = api.post("/auth/login",
          new JsonObject().put("email", "keeper@gym.test").put("password", "a long password"));
      assertThat(byEmail.status()).as(byEmail.toString()).isEqualTo(200);
    });
    assertThat(dataDir.resolve("postgres")).isDirectory();
    assertThat(walSettingsOf(dataDir)).as("fsync, synchronous_commit, commit_delay, wal_init_zero")
        .containsExactly("on", "on", "150", "off");
    assertThat(dataDir.resolve("jwt-secret")).isRegularFile();
  }

  /** The embedded Postgres's settings that durability and commit latency rest on, read from a fresh start of it. */
  private static List<String> walSettingsOf(Path dataDir) throws Exception {
    EmbeddedServers servers = new EmbeddedServers();
    try {
      var url = servers.startPostgres(dataDir, true);
      try (var c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
          var rs = c.createStatement().executeQuery(
              "SELECT current_setting('fsync'), current_setting('synchronous_commit'),"
                  + " current_setting('commit_delay'), current_setting('wal_init_zero')")) {
        rs.next();
        return List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
      }
    } finally {
      servers.close();
    }
  }

  private static void runOnce(SpotterConfig config, Runnable checks) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Main.newVertx(registry);
    try {
      Spotter spotter = Spotter.start(vertx, config, registry).await();
      try {
        checks.run();
      } finally {
        spotter.stop().await();
      }
    } finally {
      vertx.close().await();
    }
  }
}
