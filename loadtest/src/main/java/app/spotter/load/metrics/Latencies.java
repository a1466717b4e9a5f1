package app.spotter.load.metrics;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Named latency histograms in microseconds, recorded from any thread. Latencies are measured from
 * the intended send time, so a late sender (or a stalled server) shows up instead of hiding.
 */
public final class Latencies {
  /** Ten minutes: anything slower is clamped and shows as the max. */
  private static final long HIGHEST_MICROS = 600_000_000L;
  private final Map<String, Histogram> byName = new LinkedHashMap<>();

  /** Declares a histogram, so it is reported (empty) even if nothing was recorded. */
  public synchronized Latencies declare(String name) {
    byName.computeIfAbsent(name, n -> new ConcurrentHistogram(HIGHEST_MICROS, 3));
    return this;
  }

  public void recordNanos(String name, long nanos) {
    Histogram h;
    synchronized (this) {
      h = byName.computeIfAbsent(name, n -> new ConcurrentHistogram(HIGHEST_MICROS, 3));
    }
    h.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, nanos / 1_000)));
  }

  /** Adds everything {@code h} holds to the histogram {@code name}. */
  public void add(String name, Histogram h) {
    Histogram into;
    synchronized (this) {
      into = byName.computeIfAbsent(name, n -> new ConcurrentHistogram(HIGHEST_MICROS, 3));
    }
    into.add(h);
  }

  /** A copy (recording may go on meanwhile), or null. */
  public synchronized Histogram get(String name) {
    Histogram h = byName.get(name);
    return h == null ? null : h.copy();
  }

  /** Copies of all, in declaration order. */
  public synchronized Map<String, Histogram> all() {
    Map<String, Histogram> copies = new LinkedHashMap<>();
    byName.forEach((name, h) -> copies.put(name, h.copy()));
    return copies;
  }

  /** The {@link #summary} of every histogram, by name. */
  public JsonObject summaries() {
    JsonObject out = new JsonObject();
    all().forEach((name, h) -> out.put(name, summary(h)));
    return out;
  }

  /** count, mean, p50, p90, p99, p99.9 and max, in microseconds. */
  public static JsonObject summary(Histogram h) {
    JsonObject s = new JsonObject().put("count", h.getTotalCount());
    if (h.getTotalCount() == 0) {
      return s;
    }
    return s.put("mean", Math.round(h.getMean()))
        .put("p50", h.getValueAtPercentile(50))
        .put("p90", h.getValueAtPercentile(90))
        .put("p99", h.getValueAtPercentile(99))
        .put("p99.9", h.getValueAtPercentile(99.9))
        .put("max", h.getMaxValue());
  }
}
