package app.spotter.load;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/** Where senders run (event-loop contexts of the client) and how the main thread waits for them. */
public final class Timing {
  private Timing() {}

  /** One context per event loop of the client (2 × cores). */
  public static List<Context> eventLoops(Vertx vertx) {
    int n = 2 * Runtime.getRuntime().availableProcessors();
    return IntStream.range(0, n).mapToObj(i -> (Context) ((VertxInternal) vertx).createEventLoopContext()).toList();
  }

  /** Polls {@code done} every 50 ms for at most {@code atMost}. */
  public static void waitUntil(BooleanSupplier done, Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      sleepUntil(System.nanoTime() + 50_000_000L);
    }
  }

  public static void sleepUntil(long nanos) {
    long ms = (nanos - System.nanoTime()) / 1_000_000;
    if (ms > 0) {
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }
}
