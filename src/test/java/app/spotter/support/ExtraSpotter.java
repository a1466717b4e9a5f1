package app.spotter.support;

import app.spotter.Main;
import app.spotter.Spotter;
import app.spotter.config.SpotterConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Another Spotter instance on its own port and Vert.x, sharing the test stack's Postgres and Redis:
 * for a second instance, or for settings the shared one must not have (short heartbeat, hello deadline).
 */
public final class ExtraSpotter implements AutoCloseable {
  public final Vertx vertx;
  public final int port;
  private final Spotter spotter;
  private boolean stopped;

  private ExtraSpotter(Map<String, String> overrides) throws IOException {
    Map<String, String> env = new HashMap<>(TestStack.get().env);
    port = TestStack.freePort();
    env.put("SPOTTER_PORT", String.valueOf(port));
    env.put("SPOTTER_HTTP_INSTANCES", "1");
    env.putAll(overrides);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    vertx = Main.newVertx(registry);
    spotter = Spotter.start(vertx, SpotterConfig.from(env), registry).await();
  }

  /** Started with the test stack's environment plus {@code overrides} (SPOTTER_* names). */
  public static ExtraSpotter start(Map<String, String> overrides) {
    try {
      return new ExtraSpotter(overrides);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /** A client on the test stack's Vert.x, so it outlives this instance. */
  public LiveClient connect() {
    return LiveClient.connect(TestStack.get().vertx, port);
  }

  /** A graceful stop, as on SIGTERM. */
  public void stop() {
    if (!stopped) {
      stopped = true;
      spotter.stop().await();
    }
  }

  @Override
  public void close() {
    stop();
    vertx.close().await();
  }
}
