package app.spotter.live.command;

import app.spotter.live.command.LiveRepository.EventSave;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Smart batching of the commits of commands that run without the session lock: while one commit is
 * in flight, the event statements that arrive wait, and go together in the next one (one round trip,
 * one statement, one transaction, one WAL flush). An idle engine commits a lone command at once; no
 * batch ever waits for a timer.
 *
 * <p>Each event loop batches the commands it runs (its own queue, no locks; by thread, as every
 * socket and request has a context of its own on its event loop). A batch holds at most one command
 * of a session: a second one waits for the next batch, behind the first. A command that its batch
 * did not apply (its session changed since it read it, or its session row was held), and every
 * command of a batch whose statement failed, resolves to false: the processor runs it again alone,
 * under the session's lock, so one failing command never fails its batch-mates.
 */
final class EventCommits {
  private static final Logger LOG = LoggerFactory.getLogger(EventCommits.class);
  /** Enough to keep Postgres busy for a few milliseconds; more waits for the next batch. */
  private static final int MAX_BATCH = 256;
  private final LiveRepository live;
  private final SqlClient client;
  private final IntConsumer batchSizes;
  private final ThreadLocal<Queue> queues = ThreadLocal.withInitial(Queue::new);

  /** Commits go to {@code client}; {@code batchSizes} hears the number of commands in each. */
  EventCommits(LiveRepository live, SqlClient client, IntConsumer batchSizes) {
    this.live = live;
    this.client = client;
    this.batchSizes = batchSizes;
  }

  /** True once the command's event statement committed; false when it must run again under the lock. */
  Future<Boolean> commit(EventSave save) {
    if (!Context.isOnEventLoopThread()) {
      return send(List.of(save)).map(applied -> applied.contains(save.session().id));
    }
    return queues.get().add(save);
  }

  private Future<Set<UUID>> send(List<EventSave> batch) {
    batchSizes.accept(batch.size());
    return live.saveBatch(client, batch);
  }

  /** One event loop's waiting commands; only that event loop touches it. */
  private final class Queue {
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private boolean inFlight;

    Future<Boolean> add(EventSave save) {
      Promise<Boolean> committed = Promise.promise();
      waiting.add(new Waiting(save, committed));
      if (!inFlight) {
        sendNext();
      }
      return committed.future();
    }

    private void sendNext() {
      List<Waiting> batch = new ArrayList<>();
      Set<UUID> sessions = new HashSet<>();
      for (Iterator<Waiting> it = waiting.iterator(); it.hasNext() && batch.size() < MAX_BATCH; ) {
        Waiting next = it.next();
        if (sessions.add(next.save().session().id)) {
          batch.add(next);
          it.remove();
        }
      }
      inFlight = true;
      send(batch.stream().map(Waiting::save).toList()).onComplete(result -> {
        inFlight = false;
        // The next batch goes out before this one's acks: Postgres works while they are written.
        if (!waiting.isEmpty()) {
          sendNext();
        }
        if (result.failed()) {
          LOG.warn("a batch of {} commits failed; each runs again alone: {}", batch.size(), result.cause().getMessage());
        }
        for (Waiting w : batch) {
          w.committed().complete(result.succeeded() && result.result().contains(w.save().session().id));
        }
      });
    }
  }

  private record Waiting(EventSave save, Promise<Boolean> committed) {}
}
