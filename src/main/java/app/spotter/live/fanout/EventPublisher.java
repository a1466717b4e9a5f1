package app.spotter.live.fanout;

import app.spotter.live.command.LiveEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a commit: hand the event to this instance's subscribers at once, then to Redis in one
 * round trip (recent-events set, stale snapshot dropped, fan-out to the other instances).
 * Redis trouble loses nothing: the event is in Postgres, and the publish is retried (the other
 * instances' subscribers hear of it only through Redis; they repair gaps from Postgres).
 *
 * <p>Retries are bounded so that a stall cannot turn into a storm: an event that fails, or finds
 * {@link #MAX_IN_FLIGHT} publishes already waiting on Redis, is held ({@link HeldEvents}), and so is
 * every event after it until nothing is held; one loop sends the held ones, a round at a time (the
 * oldest of each session, so a session's events stay in order), pausing longer after each failed
 * round.
 */
public final class EventPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
  static final int RECENT_EVENTS_KEPT = 500;
  /** Pipelined on {@link PublishConnections}, well under the 4,096 one connection lets wait. */
  static final int MAX_IN_FLIGHT = 1024;
  private static final long FIRST_PAUSE_MS = 250;
  private static final long LONGEST_PAUSE_MS = 5_000;
  /** Held events sent at once. */
  private static final int ROUND = 256;
  private static final long MAX_ROUND_PAUSE_MS = 20;
  /** How often a round that found no room looks again. */
  private static final long ROOM_POLL_MS = 50;
  private static final String PUBLISH = """
      redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
      redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[3]) + 1))
      redis.call('EXPIRE', KEYS[1], 86400)
      redis.call('DEL', KEYS[2])
      return redis.call('PUBLISH', KEYS[3], ARGV[4] .. ARGV[2])""";

  private final Vertx vertx;
  private final PublishConnections connections;
  private final LiveHub hub;
  private final HeldEvents held = new HeldEvents();
  private final AtomicInteger inFlight = new AtomicInteger();
  /** Whether trouble was logged that no "published" line has answered yet: one line each per outage. */
  private final AtomicBoolean failing = new AtomicBoolean();
  /** Read and written only by the retry loop, which runs one round at a time. */
  private long droppedLogged;

  public EventPublisher(Vertx vertx, Redis redis, LiveHub hub) {
    this.vertx = vertx;
    this.connections = new PublishConnections(redis);
    this.hub = hub;
  }

  public void publish(LiveEvent event) {
    EventFrame frame = EventFrame.of(event);
    hub.deliver(frame);
    HeldEvents.Outcome queued = held.holdIfAny(frame);
    if (queued.taken()) {
      startLoopIfIdle(queued, 1);
      return;
    }
    if (inFlight.get() >= MAX_IN_FLIGHT) {
      report("{} publishes wait on Redis", MAX_IN_FLIGHT);
      startLoopIfIdle(held.hold(frame), 1);
      return;
    }
    toRedis(frame).onFailure(e -> {
      report("events not published to Redis ({})", e.getMessage());
      startLoopIfIdle(held.hold(frame), FIRST_PAUSE_MS);
    });
  }

  /** Committed events waiting for Redis on this instance. */
  int heldEvents() {
    return held.count();
  }

  /** Events given up on (subscribers on other instances read them from Postgres). */
  long droppedEvents() {
    return held.dropped();
  }

  /** The first trouble since Redis last caught up, logged once: {@code what} is its description. */
  private void report(String what, Object detail) {
    if (failing.compareAndSet(false, true)) {
      LOG.warn(what + "; holding events and retrying", detail);
    }
  }

  private void startLoopIfIdle(HeldEvents.Outcome outcome, long firstPauseMs) {
    if (outcome.startLoop()) {
      vertx.setTimer(firstPauseMs, t -> retryRound(FIRST_PAUSE_MS));
    }
  }

  /**
   * Sends the oldest held event of as many sessions as there is room for, {@link #ROUND} at most;
   * {@code pauseMs} is the pause after a failed round, doubled at each.
   */
  private void retryRound(long pauseMs) {
    int room = MAX_IN_FLIGHT - inFlight.get();
    if (room <= 0) {
      vertx.setTimer(ROOM_POLL_MS, t -> retryRound(pauseMs));
      return;
    }
    List<EventFrame> round = held.takeRound(Math.min(room, ROUND));
    long started = System.nanoTime();
    if (round.isEmpty()) {
      if (failing.compareAndSet(true, false)) {
        LOG.info("events held for Redis are published");
      }
      return;
    }
    List<Future<Void>> sent = round.stream().map(frame -> toRedis(frame)
        .onSuccess(v -> held.published(frame.event.sessionId()))
        .onFailure(e -> {
          report("events not published to Redis ({})", e.getMessage());
          held.hold(frame);
        })).toList();
    Future.join(sent).onComplete(done -> {
      logDropped();
      if (sent.stream().anyMatch(Future::failed)) {
        vertx.setTimer(pauseMs, t -> retryRound(Math.min(LONGEST_PAUSE_MS, pauseMs * 2)));
      } else {
        // As long a pause as the round took, up to 20 ms: a backlog drains beside the live events
        // instead of in one burst, and still faster than they come.
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        vertx.setTimer(Math.max(1, Math.min(MAX_ROUND_PAUSE_MS, tookMs)), t -> retryRound(FIRST_PAUSE_MS));
      }
    });
  }

  private void logDropped() {
    long dropped = held.dropped();
    if (dropped > droppedLogged) {
      LOG.warn("{} events not published to Redis were given up (subscribers read them from Postgres)",
          dropped - droppedLogged);
      droppedLogged = dropped;
    }
  }

  /** Once more to local subscribers after Redis has it; a late publish is harmless (feeds drop what they have). */
  private Future<Void> toRedis(EventFrame frame) {
    LiveEvent event = frame.event;
    inFlight.incrementAndGet();
    return connections.send(Request.cmd(Command.EVAL).arg(PUBLISH).arg(3)
            .arg(RedisKeys.recentEvents(event.sessionId())).arg(RedisKeys.snapshot(event.sessionId()))
            .arg(RedisKeys.sessionChannel(event.sessionId()))
            .arg(event.seq()).arg(frame.json()).arg(RECENT_EVENTS_KEPT).arg(hub.eventPrefix()))
        .<Void>mapEmpty()
        .onComplete(done -> inFlight.decrementAndGet())
        // A subscriber that registered after the first delivery but read its snapshot or catch-up
        // before the script ran would otherwise miss it.
        .onSuccess(v -> hub.deliver(frame));
  }
}
