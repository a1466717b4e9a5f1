package app.spotter;

import app.spotter.config.ConfigException;
import app.spotter.config.SpotterConfig;
import ch.qos.logback.classic.LoggerContext;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar spotter.jar}: reads the environment, starts Spotter, stops it gracefully on SIGTERM. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    SpotterConfig config;
    try {
      config = SpotterConfig.fromEnvironment();
    } catch (ConfigException e) {
      System.err.println("Spotter cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = newVertx(registry);
    Spotter spotter;
    try {
      spotter = Spotter.start(vertx, config, registry).await();
    } catch (Throwable e) {
      LOG.error("Spotter did not start: {}", e.getMessage(), e);
      vertx.close();
      flushLog();
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      CountDownLatch done = new CountDownLatch(1);
      // Close Vert.x from stop's callback: a future chained after vertx.close() would complete on an
      // event loop that close has just terminated, and never be seen.
      spotter.stop().onComplete(stopped -> vertx.close().onComplete(closed -> done.countDown()));
      try {
        done.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
      flushLog();
    }, "spotter-shutdown"));
  }

  /** The log is written by a background thread (logback.xml): hand over what is queued before the JVM ends. */
  private static void flushLog() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.stop();
    }
  }

  /** Vert.x with Micrometer metrics (HTTP latency histograms, pool usage, JVM) on the given registry. */
  public static Vertx newVertx(PrometheusMeterRegistry registry) {
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true).setPublishQuantiles(true));
    return Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(metrics).setPreferNativeTransport(true))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
  }
}
