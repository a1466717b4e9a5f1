package app.spotter.live.command;

import app.spotter.infra.db.CallerAnswer;
import app.spotter.live.command.LiveRepository.EventSave;
import io.vertx.core.Future;
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
 * <p>One queue serves every event loop of the instance, so the batches hold the commands of all its
 * sockets; each command hears its answer on its own event loop. A batch holds at most one command
 * of a session: a second one waits for the next batch, behind the first. A command that its batch
 * did not apply (its session changed since it read it, or its session row was held), and every
 * command of a batch whose statement failed, resolves to false: the processor runs it again (after
 * reading its session, if it ran on what was kept of it, then alone under the session's lock), so
 * one failing command never fails its batch-mates.
 */
final class EventCommits {
  private static final Logger LOG = LoggerFactory.getLogger(EventCommits.class);
  /** Enough to keep Postgres busy for a few milliseconds; more waits for the next batch. */
  private static final int MAX_BATCH = 256;
  private final LiveRepository live;
  private final SqlClient client;
  private final IntConsumer batchSizes;
  /** Guarded by {@code this}, as is {@link #inFlight}. */
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private boolean inFlight;

  /** Commits go to {@code client}; {@code batchSizes} hears the number of commands in each. */
  EventCommits(LiveRepository live, SqlClient client, IntConsumer batchSizes) {
    this.live = live;
    this.client = client;
    this.batchSizes = batchSizes;
  }

  /** True once the command's event statement committed; false when it must run again under the lock. */
  Future<Boolean> commit(EventSave save) {
    CallerAnswer<Boolean> committed = new CallerAnswer<>();
    List<Waiting> batch;
    synchronized (this) {
      waiting.add(new Waiting(save, committed));
      batch = inFlight ? null : next();
    }
    if (batch != null) {
      send(batch);
    }
    return committed.future();
  }

  /** The next batch, now in flight: the oldest waiting command of each session, in arrival order. */
  private List<Waiting> next() {
    List<Waiting> batch = new ArrayList<>();
    Set<UUID> sessions = new HashSet<>();
    for (Iterator<Waiting> it = waiting.iterator(); it.hasNext() && batch.size() < MAX_BATCH; ) {
      Waiting w = it.next();
      if (sessions.add(w.save().session().id)) {
        batch.add(w);
        it.remove();
      }
    }
    inFlight = true;
    return batch;
  }

  private void send(List<Waiting> batch) {
    batchSizes.accept(batch.size());
    // Through compose, so that a statement that cannot even be built fails the batch, not the queue.
    Future<Set<UUID>> answered = Future.succeededFuture()
        .compose(v -> live.saveBatch(client, batch.stream().map(Waiting::save).toList()));
    answered.onComplete(result -> {
      List<Waiting> following;
      synchronized (this) {
        inFlight = false;
        following = waiting.isEmpty() ? null : next();
      }
      // The next batch goes out before this one's acks: Postgres works while they are written.
      if (following != null) {
        send(following);
      }
      if (result.failed()) {
        LOG.warn("a batch of {} commits failed; each runs again alone: {}", batch.size(), result.cause().getMessage());
      }
      CallerAnswer.deliverAll(batch.stream().map(w -> w.committed().deliver(
          result.succeeded() && result.result().contains(w.save().session().id))).toList());
    });
  }

  private record Waiting(EventSave save, CallerAnswer<Boolean> committed) {}
}
