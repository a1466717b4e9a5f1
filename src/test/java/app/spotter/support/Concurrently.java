package app.spotter.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Sends requests from many threads released at the same moment, for tests of races. */
public final class Concurrently {
  private Concurrently() {}

  /** Runs {@code call(0)} … {@code call(times - 1)} at once; their results in that order. */
  public static <T> List<T> run(int times, IntFunction<T> call) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(times);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> running = new ArrayList<>(times);
      for (int i = 0; i < times; i++) {
        int n = i;
        running.add(threads.submit(() -> {
          start.await();
          return call.apply(n);
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>(times);
      for (Future<T> result : running) {
        results.add(result.get());
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }
}
