package app.spotter.load.metrics;

import app.spotter.load.Timing;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A latency (command→ack, ping→pong) second by second (by intended send time), beside the CPU each second: shows
 * whether a tail is one bad moment (a pause, a neighbour's burst) or the steady state.
 */
public final class Timeline {
  private final List<Histogram> seconds = new ArrayList<>();
  private final List<JsonObject> cpu = new ArrayList<>();
  private volatile long startNanos = Long.MIN_VALUE;

  public Timeline(int length) {
    for (int i = 0; i < length; i++) {
      seconds.add(new ConcurrentHistogram(600_000_000L, 2));
      cpu.add(new JsonObject());
    }
  }

  public void start(long nanos) {
    startNanos = nanos;
  }

  /**
   * Follows a load whose measured window starts at {@code fromNanos}: samples CPU every second of
   * it until {@code load} completes (blocking this thread); returns the CPU of the whole window.
   */
  public JsonObject watch(Future<?> load, long fromNanos, Supplier<CpuUsage.Sample> cpu) {
    start(fromNanos);
    Timing.sleepUntil(fromNanos);
    CpuUsage.Sample first = cpu.get();
    CpuUsage.Sample previous = first;
    for (int second = 0; !load.isComplete(); second++) {
      Timing.sleepUntil(fromNanos + (second + 1) * 1_000_000_000L);
      CpuUsage.Sample now = cpu.get();
      cpu(second, CpuUsage.between(previous, now));
      previous = now;
    }
    load.await();
    return CpuUsage.between(first, cpu.get());
  }

  public void record(long intendedNanos, long latencyNanos) {
    if (startNanos == Long.MIN_VALUE || intendedNanos < startNanos) {
      return;
    }
    int second = (int) ((intendedNanos - startNanos) / 1_000_000_000L);
    if (second < seconds.size()) {
      seconds.get(second).recordValue(Math.min(600_000_000L, Math.max(0, latencyNanos / 1_000)));
    }
  }

  /** CPU use over one second of the window (see {@link CpuUsage#between}). */
  public synchronized void cpu(int second, JsonObject usage) {
    if (second >= 0 && second < cpu.size()) {
      cpu.set(second, usage);
    }
  }

  public synchronized JsonArray toJson() {
    JsonArray out = new JsonArray();
    for (int i = 0; i < seconds.size(); i++) {
      out.add(Latencies.summary(seconds.get(i).copy()).put("second", i).put("cpu", cpu.get(i)));
    }
    return out;
  }

  /** The {@code n} seconds with the highest p99. */
  public JsonArray worst(int n) {
    List<JsonObject> all = new ArrayList<>();
    toJson().forEach(o -> all.add((JsonObject) o));
    JsonArray out = new JsonArray();
    all.stream().filter(o -> o.containsKey("p99")).sorted(Comparator.comparingLong((JsonObject o) -> o.getLong("p99"))
        .reversed()).limit(n).forEach(out::add);
    return out;
  }
}
