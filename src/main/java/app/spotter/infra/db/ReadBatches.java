package app.spotter.infra.db;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
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
 * out at once; nothing waits for a timer. Each event loop batches its own callers (no locks; by
 * thread, as every socket and request has a context of its own on its event loop); a caller outside
 * an event loop reads alone.
 */
public final class ReadBatches {
  private final Pool pool;
  private final ThreadLocal<Queue> queues = ThreadLocal.withInitial(Queue::new);

  public ReadBatches(Pool pool) {
    this.pool = pool;
  }

  /**
   * Runs {@code reads} with a reader whose reads go out with other callers'; resolves as its result
   * does. A read made once the batch has gone out (one that depends on an earlier answer) runs alone.
   */
  public <T> Future<T> together(Function<KeyedRead.Reader, Future<T>> reads) {
    if (!Context.isOnEventLoopThread()) {
      return reads.apply(KeyedRead.Reader.of(pool));
    }
    return queues.get().join(reads);
  }

  /** One event loop's batches: the one in flight, if any, and the one collecting. */
  private final class Queue {
    private Batch collecting = new Batch();
    private boolean inFlight;

    <T> Future<T> join(Function<KeyedRead.Reader, Future<T>> reads) {
      Future<T> result = reads.apply(collecting);
      if (!inFlight && !collecting.isEmpty()) {
        sendCollecting();
      }
      return result;
    }

    private void sendCollecting() {
      Batch batch = collecting;
      collecting = new Batch();
      inFlight = true;
      batch.send().onComplete(done -> {
        inFlight = false;
        if (!collecting.isEmpty()) {
          sendCollecting();
        }
      });
    }
  }

  /** Reads collected for one round trip; once sent, later reads run alone. */
  private final class Batch implements KeyedRead.Reader {
    private final Map<KeyedRead, List<Waiting>> byKind = new LinkedHashMap<>();
    private boolean sent;

    @Override
    public Future<Optional<Row>> read(KeyedRead read, Tuple parameters) {
      if (sent) {
        return read.run(pool, parameters);
      }
      Promise<Optional<Row>> answer = Promise.promise();
      byKind.computeIfAbsent(read, r -> new ArrayList<>()).add(new Waiting(parameters, answer));
      return answer.future();
    }

    boolean isEmpty() {
      return byKind.isEmpty();
    }

    /**
     * One statement per kind of read; a kind whose statement fails is read again one by one, so one
     * bad read fails alone.
     */
    Future<Void> send() {
      sent = true;
      List<Future<?>> kinds = new ArrayList<>();
      byKind.forEach((read, waiting) -> {
        List<Tuple> parameters = waiting.stream().map(Waiting::parameters).toList();
        kinds.add(read.runAll(pool, parameters).onComplete(answers -> {
          for (int i = 0; i < waiting.size(); i++) {
            Waiting w = waiting.get(i);
            if (answers.succeeded()) {
              w.answer().complete(answers.result().get(i));
            } else {
              read.run(pool, w.parameters()).onComplete(w.answer());
            }
          }
        }));
      });
      return Future.join(kinds).mapEmpty();
    }
  }

  private record Waiting(Tuple parameters, Promise<Optional<Row>> answer) {}
}
