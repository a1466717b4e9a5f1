package app.spotter.load.floor;

import app.spotter.load.Options;
import app.spotter.load.live.SessionBook;
import app.spotter.load.metrics.Counters;
import app.spotter.load.metrics.CpuUsage;
import app.spotter.load.metrics.Latencies;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Scenario 4: what the hardware gives without Spotter, at the same concurrency and interval — a
 * socket round trip to a bare echo server and a one-row insert-and-commit — and the fan-out's
 * figures as ratios to their sum (absolute times on a shared machine drift; ratios hold better).
 */
public final class Floors {
  private Floors() {}

  /**
   * Runs the floors it can; {@code loadJar} is this generator's own jar (it runs the echo server).
   * CPU is sampled around each floor (with warm-up, connection and drain: an upper bound).
   */
  public static JsonObject run(Vertx vertx, Options options, Optional<Path> loadJar, Optional<URI> databaseUrl,
      Path logDir, String base, Latencies latencies, Counters counters, Supplier<CpuUsage.Sample> cpu) throws Exception {
    JsonObject skipped = new JsonObject();
    JsonObject cpuUse = new JsonObject();
    if (loadJar.isPresent()) {
      System.out.println("floor: socket round trip against a bare Vert.x echo server");
      CpuUsage.Sample before = cpu.get();
      EchoFloor.run(vertx, options, loadJar.get(), logDir.resolve(base + "-echo.log"), latencies, counters);
      cpuUse.put(EchoFloor.NAME, CpuUsage.between(before, cpu.get()));
    } else {
      skipped.put("socket round trip", "the generator is not running from its jar");
    }
    if (databaseUrl.isPresent()) {
      System.out.println("floor: one-row insert and commit on " + databaseUrl.get().getHost() + ":" + databaseUrl.get().getPort());
      CpuUsage.Sample before = cpu.get();
      PostgresFloor.run(vertx, options, databaseUrl.get(), latencies, counters);
      cpuUse.put(PostgresFloor.NAME, CpuUsage.between(before, cpu.get()));
    } else {
      skipped.put("Postgres commit", "no --database-url given (automatic only with --start-server)");
      System.out.println("floor: Postgres commit skipped — give --database-url postgresql://user:pass@host:port/db");
    }
    JsonObject measured = new JsonObject();
    for (String name : new String[] {EchoFloor.NAME, PostgresFloor.NAME}) {
      Histogram h = latencies.get(name);
      if (h != null && h.getTotalCount() > 0) {
        measured.put(name, Latencies.summary(h));
      }
    }
    return new JsonObject().put("latencyMicros", measured).put("skipped", skipped).put("ratios", ratios(latencies))
        .put("cpu", cpuUse);
  }

  /** command→ack and command→other-device over (round trip + commit), at p50 and p99; null without both floors. */
  static JsonObject ratios(Latencies latencies) {
    Histogram echo = latencies.get(EchoFloor.NAME);
    Histogram commit = latencies.get(PostgresFloor.NAME);
    if (echo == null || commit == null || echo.getTotalCount() == 0 || commit.getTotalCount() == 0) {
      return null;
    }
    JsonObject ratios = new JsonObject();
    for (String name : new String[] {SessionBook.ACK, SessionBook.OTHER}) {
      Histogram h = latencies.get(name);
      if (h != null && h.getTotalCount() > 0) {
        ratios.put(name, new JsonObject().put("p50", ratio(h, echo, commit, 50)).put("p99", ratio(h, echo, commit, 99)));
      }
    }
    return ratios;
  }

  private static double ratio(Histogram h, Histogram echo, Histogram commit, double q) {
    double floor = echo.getValueAtPercentile(q) + commit.getValueAtPercentile(q);
    return Double.parseDouble(String.format(Locale.ROOT, "%.2f", h.getValueAtPercentile(q) / floor));
  }
}
