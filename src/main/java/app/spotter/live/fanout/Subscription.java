package app.spotter.live.fanout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One session as one connection follows it: every event exactly once, in seq order. Events that
 * arrive early (another instance published first, or the catch-up is still being read) wait in
 * {@code pending} until the gap before them is filled.
 */
final class Subscription {
  final UUID sessionId;
  /** The last seq handed to the client; -1 until the snapshot or catch-up has been sent. */
  private long lastSeq = -1;
  private final TreeMap<Long, EventFrame> pending = new TreeMap<>();
  boolean repairScheduled;

  Subscription(UUID sessionId) {
    this.sessionId = sessionId;
  }

  boolean ready() {
    return lastSeq >= 0;
  }

  long lastSeq() {
    return lastSeq;
  }

  /** Takes an event; returns those now ready to send, in order. */
  List<EventFrame> accept(EventFrame frame) {
    long seq = frame.event.seq();
    if (ready() && seq <= lastSeq) {
      return List.of();
    }
    pending.put(seq, frame);
    return drain();
  }

  /** The client now has everything up to {@code seq} (a snapshot or the end of a catch-up). */
  List<EventFrame> start(long seq) {
    lastSeq = seq;
    return drain();
  }

  /** Events are waiting behind a missing one. */
  boolean hasGap() {
    return ready() && !pending.isEmpty() && pending.firstKey() > lastSeq + 1;
  }

  private List<EventFrame> drain() {
    if (!ready()) {
      return List.of();
    }
    pending.headMap(lastSeq, true).clear();
    List<EventFrame> out = new ArrayList<>();
    while (!pending.isEmpty() && pending.firstKey() == lastSeq + 1) {
      Map.Entry<Long, EventFrame> next = pending.pollFirstEntry();
      out.add(next.getValue());
      lastSeq = next.getKey();
    }
    return out;
  }
}
