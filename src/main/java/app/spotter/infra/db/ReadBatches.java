package app.spotter.infra.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Smart batching of {@link KeyedRead}s: while one batch of reads is in flight, the reads that arrive
 * wait and go together in the next one, one statement per kind of read. An idle caller's reads go
 * out at once; nothing waits for a timer. One batch serves every event loop of the instance; each
 * caller hears its answers on its own event loop ({@link CallerAnswer}).
 */
public final class ReadBatches {
  private final Pool pool;
  /** Guarded by {@code this}, as is {@link #inFlight}. */
  private Batch collecting = new Batch();
  private boolean inFlight;

  public ReadBatches(Pool pool) {
    this.pool = pool;
  }

  /**
   * Runs {@code reads} with a reader whose reads go out with other callers'; resolves as its result
   * does. A read made once its batch has gone out (one that depends on an earlier answer) runs alone.
   */
  public <T> Future<T> together(Function<KeyedRead.Reader, Future<T>> reads) {
    Batch batch;
    synchronized (this) {
      batch = collecting;
    }
    Future<T> result = reads.apply(batch);
    Batch ready;
    synchronized (this) {
      ready = inFlight || collecting.isEmpty() ? null : takeCollecting();
    }
    if (ready != null) {
      send(ready);
    }
    return result;
  }

  /** The collecting batch, now in flight; a new one collects. Called holding the lock. */
  private Batch takeCollecting() {
    Batch batch = collecting;
    collecting = new Batch();
    inFlight = true;
    batch.sent = true;
    return batch;
  }

  private void send(Batch batch) {
    batch.send().onComplete(done -> {
      Batch following;
      synchronized (this) {
        inFlight = false;
        following = collecting.isEmpty() ? null : takeCollecting();
      }
      if (following != null) {
        send(following);
      }
    });
  }

  /** Reads collected for one round trip; once sent, later reads run alone. */
  private final class Batch implements KeyedRead.Reader {
    /** Guarded by the ReadBatches' lock until the batch is sent, then only read. */
    private final Map<KeyedRead, List<Waiting>> byKind = new LinkedHashMap<>();
    private boolean sent;

    @Override
    public Future<Optional<Row>> read(KeyedRead read, Tuple parameters) {
      CallerAnswer<Optional<Row>> answer = new CallerAnswer<>();
      synchronized (ReadBatches.this) {
        if (!sent) {
          byKind.computeIfAbsent(read, r -> new ArrayList<>()).add(new Waiting(parameters, answer));
          return answer.future();
        }
      }
      return read.run(pool, parameters);
    }

    boolean isEmpty() {
      return byKind.isEmpty();
    }

    /**
     * One statement per kind of read; a kind whose statement fails is read again one by one, so one
     * bad read fails alone.
     */
    Future<Void> send() {
      List<Future<?>> kinds = new ArrayList<>();
      byKind.forEach((read, waiting) -> {
        List<Tuple> parameters = waiting.stream().map(Waiting::parameters).toList();
        // Through compose, so that a statement that cannot even be built fails this kind, not the queue.
        Future<List<Optional<Row>>> answered = Future.succeededFuture().compose(v -> read.runAll(pool, parameters));
        kinds.add(answered.onComplete(answers -> {
          List<CallerAnswer.Delivery> deliveries = new ArrayList<>(waiting.size());
          for (int i = 0; i < waiting.size(); i++) {
            Waiting w = waiting.get(i);
            if (answers.succeeded()) {
              deliveries.add(w.answer().deliver(answers.result().get(i)));
            } else {
              read.run(pool, w.parameters())
                  .onComplete(again -> CallerAnswer.deliverAll(List.of(w.answer().deliverResult(again))));
            }
          }
          CallerAnswer.deliverAll(deliveries);
        }));
      });
      return Future.join(kinds).mapEmpty();
    }
  }

  private record Waiting(Tuple parameters, CallerAnswer<Optional<Row>> answer) {}
}
