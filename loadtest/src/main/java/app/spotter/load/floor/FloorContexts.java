package app.spotter.load.floor;

import app.spotter.load.Options;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/** What the floors share: event-loop contexts for their senders, their warm-up, waiting for the stragglers. */
final class FloorContexts {
  private FloorContexts() {}

  /** One context per event loop of the client (2 × cores). */
  static List<Context> eventLoops(Vertx vertx) {
    int n = 2 * Runtime.getRuntime().availableProcessors();
    return IntStream.range(0, n).mapToObj(i -> (Context) ((VertxInternal) vertx).createEventLoopContext()).toList();
  }

  /** The fan-out's warm-up, at most 5 s. */
  static Duration warmup(Options options) {
    return options.warmup().compareTo(Duration.ofSeconds(5)) < 0 ? options.warmup() : Duration.ofSeconds(5);
  }

  static void waitUntil(BooleanSupplier done, Duration atMost) throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }
}
