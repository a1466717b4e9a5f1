package app.spotter.infra.db;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to a caller whose request went into a batch shared by every event loop: it is heard on
 * the caller's thread, whichever thread the batch's answer came in on.
 */
public final class CallerAnswer<T> {
  private final Context context = Vertx.currentContext();
  private final Thread thread = Thread.currentThread();
  private final Promise<T> promise = Promise.promise();

  public Future<T> future() {
    return promise.future();
  }

  /** The completion of this answer with {@code result}, for {@link #deliverAll}. */
  public Delivery deliverResult(AsyncResult<T> result) {
    return new Delivery(this, () -> promise.handle(result));
  }

  /** The completion of this answer with {@code value}. */
  public Delivery deliver(T value) {
    return new Delivery(this, () -> promise.complete(value));
  }

  /** A completion, not yet run. */
  public record Delivery(CallerAnswer<?> answer, Runnable complete) {}

  /**
   * Runs every delivery in order, each on its caller's thread: at once for callers on this thread
   * (or outside Vert.x), else in one task per other event loop, not one per caller, so a batch costs
   * an event loop one wake-up.
   */
  public static void deliverAll(List<Delivery> deliveries) {
    Map<Thread, List<Delivery>> elsewhere = new LinkedHashMap<>();
    for (Delivery d : deliveries) {
      CallerAnswer<?> answer = d.answer();
      if (answer.context == null || answer.thread == Thread.currentThread()) {
        d.complete().run();
      } else {
        elsewhere.computeIfAbsent(answer.thread, t -> new ArrayList<>()).add(d);
      }
    }
    // On an event loop every context of a thread runs on that thread: the first caller's context
    // carries its thread's deliveries.
    elsewhere.values().forEach(onThread -> onThread.get(0).answer().context
        .runOnContext(v -> onThread.forEach(d -> d.complete().run())));
  }
}
