package app.spotter.load.connections;

import app.spotter.load.OpenLoop;
import app.spotter.load.live.LiveSocket;
import app.spotter.load.metrics.Counters;
import app.spotter.load.metrics.Latencies;
import app.spotter.load.metrics.Timeline;
import io.vertx.core.Future;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Pings while the sockets are held: protocol {@code ping}s at a fixed total rate (open arrival
 * model), one sender per event loop, each over a random open socket of its own loop (no thread
 * hop). ping→pong is measured from the intended send time; the generator's own delay separately.
 */
final class PingSampler {
  static final String PING = "ping->pong";
  static final String SEND_LAG = "generator-send-lag";

  private PingSampler() {}

  static Future<Void> run(HeldSockets held, OpenLoop.Schedule schedule, int perSecond, long seed, Latencies latencies,
      Timeline timeline, Counters counters) {
    int senders = held.contexts().size();
    List<List<LiveSocket>> sockets = IntStream.range(0, senders).mapToObj(held::openOnContext).toList();
    List<Random> picks = IntStream.range(0, senders).mapToObj(i -> new Random(seed * 31 + i)).toList();
    return OpenLoop.atRate(schedule, held.contexts(), perSecond, senders, seed, (sender, intended, measured) -> {
      List<LiveSocket> mine = sockets.get(sender);
      if (mine.isEmpty()) {
        return;
      }
      mine.get(picks.get(sender).nextInt(mine.size())).ping(arrived -> {
        if (measured) {
          latencies.recordNanos(PING, arrived - intended);
          timeline.record(intended, arrived - intended);
        }
      });
      counters.add(measured ? "pings-measured" : "pings-warmup");
      if (measured) {
        latencies.recordNanos(SEND_LAG, System.nanoTime() - intended);
      }
    });
  }
}
