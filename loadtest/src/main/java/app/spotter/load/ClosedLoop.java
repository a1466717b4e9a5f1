package app.spotter.load;

import app.spotter.load.metrics.CpuUsage;
import app.spotter.load.metrics.Latencies;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The closed model, for throughput at a fixed concurrency: each of C workers sends its next request
 * as soon as its last one is answered, through a warm-up and then a measured window. Requests sent in
 * the window are counted (and their latency, from their own send time); any other status is an error.
 */
public final class ClosedLoop {
  private final long measureFrom;
  private final long end;
  private final Supplier<Future<HttpResponse<Buffer>>> request;
  private final int expected;
  private final Latencies latencies;
  private final String name;
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();

  private ClosedLoop(Duration warmup, Duration duration, Supplier<Future<HttpResponse<Buffer>>> request, int expected,
      Latencies latencies, String name) {
    this.measureFrom = System.nanoTime() + 100_000_000L + warmup.toNanos();
    this.end = measureFrom + duration.toNanos();
    this.request = request;
    this.expected = expected;
    this.latencies = latencies;
    this.name = name;
  }

  /**
   * Runs {@code concurrency} workers over {@code contexts} (blocking this thread) and returns the
   * requests per second, the errors, the latency summary and the CPU of the measured window.
   */
  public static JsonObject run(List<Context> contexts, int concurrency, Duration warmup, Duration duration,
      Supplier<Future<HttpResponse<Buffer>>> request, int expected, Latencies latencies, String name,
      Supplier<CpuUsage.Sample> cpu) {
    ClosedLoop loop = new ClosedLoop(warmup, duration, request, expected, latencies.declare(name), name);
    List<Future<Void>> workers = new ArrayList<>();
    for (int c = 0; c < concurrency; c++) {
      Promise<Void> done = Promise.promise();
      contexts.get(c % contexts.size()).runOnContext(v -> loop.next(done));
      workers.add(done.future());
    }
    Timing.sleepUntil(loop.measureFrom);
    CpuUsage.Sample first = cpu.get();
    Timing.sleepUntil(loop.end);
    JsonObject cpuUse = CpuUsage.between(first, cpu.get());
    Future.all(workers).await();
    double seconds = duration.toNanos() / 1e9;
    return new JsonObject().put("concurrency", concurrency).put("seconds", seconds)
        .put("answered", loop.answered.get()).put("requestsPerSecond", Math.round(loop.answered.get() / seconds))
        .put("errors", loop.errors.get()).put("latencyMicros", Latencies.summary(latencies.get(name))).put("cpu", cpuUse);
  }

  private void next(Promise<Void> done) {
    long sent = System.nanoTime();
    if (sent >= end) {
      done.complete();
      return;
    }
    request.get().onComplete(r -> {
      boolean measured = sent >= measureFrom;
      if (r.succeeded() && r.result().statusCode() == expected) {
        if (measured) {
          answered.incrementAndGet();
          latencies.recordNanos(name, System.nanoTime() - sent);
        }
      } else {
        errors.incrementAndGet();
      }
      next(done);
    });
  }
}
