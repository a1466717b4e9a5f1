package app.spotter.live.fanout;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Committed events waiting to be published to Redis, oldest first within a session, bounded.
 * Only a session's newest event must reach Redis: a subscriber that then sees a gap, and a catch-up
 * that finds the recent events broken, read the rest from Postgres. So a session keeps its newest
 * {@link #PER_SESSION} events, and beyond {@link #MAX_HELD} in all a new session's event is dropped.
 *
 * <p>Also whether the retry loop runs, under the same lock, so that an event held as the loop finds
 * nothing left is never stranded. Thread-safe: events are committed on every event loop.
 */
final class HeldEvents {
  static final int PER_SESSION = 8;
  static final int MAX_HELD = 50_000;

  /** A session present here with nothing queued has a retry in flight. */
  private final Map<UUID, TreeMap<Long, EventFrame>> bySession = new LinkedHashMap<>();
  private int count;
  private long dropped;
  private boolean looping;

  /**
   * What holding did: whether the event was taken (queued, or dropped over the bounds), so it must
   * not be sent now, and whether the retry loop must be started.
   */
  record Outcome(boolean taken, boolean startLoop) {
    static final Outcome NOT_TAKEN = new Outcome(false, false);
  }

  /**
   * Queues the event if anything is held or being retried: while Redis is behind, new events wait
   * their turn instead of crowding out the retries.
   */
  synchronized Outcome holdIfAny(EventFrame frame) {
    return bySession.isEmpty() ? Outcome.NOT_TAKEN : hold(frame);
  }

  /** Queues the event, in seq order among its session's (a failed retry goes back before newer ones). */
  synchronized Outcome hold(EventFrame frame) {
    UUID sessionId = frame.event.sessionId();
    TreeMap<Long, EventFrame> queue = bySession.get(sessionId);
    if (queue == null) {
      if (count >= MAX_HELD) {
        dropped++;
        return new Outcome(true, false);
      }
      queue = new TreeMap<>();
      bySession.put(sessionId, queue);
    }
    if (queue.put(frame.event.seq(), frame) == null) {
      count++;
    }
    if (queue.size() > PER_SESSION) {
      queue.pollFirstEntry();
      count--;
      dropped++;
    }
    boolean start = !looping;
    looping = true;
    return new Outcome(true, start);
  }

  /**
   * The oldest held event of each of up to {@code max} sessions, those sessions moved to the back of
   * the line. Empty, and the loop marked stopped, when nothing is held.
   */
  synchronized List<EventFrame> takeRound(int max) {
    List<EventFrame> round = new ArrayList<>();
    List<UUID> taken = new ArrayList<>();
    for (Iterator<Map.Entry<UUID, TreeMap<Long, EventFrame>>> it = bySession.entrySet().iterator();
        it.hasNext() && round.size() < max; ) {
      Map.Entry<UUID, TreeMap<Long, EventFrame>> entry = it.next();
      Map.Entry<Long, EventFrame> oldest = entry.getValue().pollFirstEntry();
      if (oldest != null) {
        round.add(oldest.getValue());
        taken.add(entry.getKey());
        count--;
      }
    }
    taken.forEach(id -> bySession.put(id, bySession.remove(id)));
    if (round.isEmpty() && count == 0) {
      looping = false;
    }
    return round;
  }

  /** A retry went through: the session's new events go straight to Redis again once none is held. */
  synchronized void published(UUID sessionId) {
    TreeMap<Long, EventFrame> queue = bySession.get(sessionId);
    if (queue != null && queue.isEmpty()) {
      bySession.remove(sessionId);
    }
  }

  synchronized int count() {
    return count;
  }

  /** Events given up on since start (older ones of a session, or over {@link #MAX_HELD}). */
  synchronized long dropped() {
    return dropped;
  }
}
