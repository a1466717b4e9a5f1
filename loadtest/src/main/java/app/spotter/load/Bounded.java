package app.spotter.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Runs an asynchronous step over many items with at most {@code concurrency} in flight; fails on the first failure. */
public final class Bounded {
  private Bounded() {}

  public static <T, R> Future<List<R>> map(List<T> items, int concurrency, Function<T, Future<R>> step) {
    if (items.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<R> results = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(items.size(), null)));
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    Promise<List<R>> all = Promise.promise();
    Runnable[] worker = new Runnable[1];
    worker[0] = () -> {
      int i = next.getAndIncrement();
      if (i >= items.size()) {
        return;
      }
      Future<R> result;
      try {
        result = step.apply(items.get(i));
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onComplete(r -> {
        if (r.failed()) {
          all.tryFail(r.cause());
          return;
        }
        results.set(i, r.result());
        if (done.incrementAndGet() == items.size()) {
          all.tryComplete(new ArrayList<>(results));
        } else {
          worker[0].run();
        }
      });
    };
    for (int w = 0; w < Math.min(concurrency, items.size()); w++) {
      worker[0].run();
    }
    return all.future();
  }
}
