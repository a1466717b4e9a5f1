package app.spotter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A webhook host whose name server is slow: the lookup gives up at its deadline, and lookups that
 * hang do not take the worker threads the rest of Spotter needs (password hashing, say). The
 * resolver here sleeps instead of asking a name server: nothing in the tests reaches public DNS.
 */
class DestinationLookupTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  /** A resolver that answers a public address after {@code millis}. */
  private static List<InetAddress> slowly(long millis) {
    try {
      Thread.sleep(millis);
      return List.of(InetAddress.getByAddress(new byte[] {93, (byte) 184, (byte) 215, 14}));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("a lookup slower than its deadline fails as a timeout at the deadline, not when the resolver gives up")
  void lookupDeadline() throws Exception {
    Destinations destinations = new Destinations(vertx, false, host -> slowly(3_000), 200);

    long started = System.nanoTime();
    Throwable failure = destinations.pin(URI.create("https://hooks.example.com/x")).toCompletionStage()
        .toCompletableFuture().handle((ok, e) -> e).get(10, TimeUnit.SECONDS);
    long tookMs = (System.nanoTime() - started) / 1_000_000;

    assertThat(failure).isInstanceOf(TimeoutException.class).hasMessageContaining("within 200 ms");
    assertThat(tookMs).as("given up long before the 3 s answer").isLessThan(2_000);
  }

  @Test
  @DisplayName("lookups that hang leave Vert.x's worker threads free")
  void hangingLookupsLeaveWorkersFree() throws Exception {
    Destinations destinations = new Destinations(vertx, false, host -> slowly(3_000), 5_000);
    // More hanging lookups than Vert.x has worker threads (20): on those, the work below would wait 3 s.
    IntStream.range(0, 30).forEach(i -> destinations.pin(URI.create("https://hook" + i + ".example.com/")));

    Future<String> work = vertx.executeBlocking(() -> "done", false);

    assertThat(work.toCompletionStage().toCompletableFuture().get(1, TimeUnit.SECONDS)).isEqualTo("done");
  }
}
