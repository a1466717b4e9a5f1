package app.spotter.load.metrics;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Named event counts (sent, acked, rejected:rate-limited, error:bad-frame, ...), from any thread. */
public final class Counters {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  public void add(String name) {
    add(name, 1);
  }

  public void add(String name, long n) {
    counts.computeIfAbsent(name, k -> new LongAdder()).add(n);
  }

  public long get(String name) {
    LongAdder a = counts.get(name);
    return a == null ? 0 : a.sum();
  }

  /** Every counter whose name starts with {@code prefix}, prefix removed, sorted by name. */
  public JsonObject withPrefix(String prefix) {
    JsonObject out = new JsonObject();
    new TreeMap<>(counts).forEach((name, n) -> {
      if (name.startsWith(prefix)) {
        out.put(name.substring(prefix.length()), n.sum());
      }
    });
    return out;
  }

  /** What fails a run: every {@code error:} counter (prefix removed) and every {@code rejected:} one (kept). */
  public JsonObject errors() {
    JsonObject errors = withPrefix("error:");
    withPrefix("rejected:").forEach(e -> errors.put("rejected:" + e.getKey(), e.getValue()));
    return errors;
  }

  public long sumWithPrefix(String prefix) {
    return counts.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(e -> e.getValue().sum()).sum();
  }
}
