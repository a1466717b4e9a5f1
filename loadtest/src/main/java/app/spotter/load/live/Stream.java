package app.spotter.load.live;

import java.util.BitSet;

/**
 * One subscriber's view of one session: it must receive every event after its snapshot exactly
 * once, in seq order. Anything else is counted: a seq seen twice (or one already in the snapshot) is
 * a duplicate, a seq older than one already received is reordered, a jump past the next seq is a
 * gap, and whatever is missing at the end is lost. Not thread-safe: its {@link SessionBook} guards it.
 */
public final class Stream {
  final Object owner;
  final String device;
  private long snapshotSeq = -1;
  private long highest = -1;
  private final BitSet received = new BitSet();
  long duplicates;
  long reordered;
  long gaps;
  long beforeSnapshot;
  long snapshots;

  public Stream(Object owner, String device) {
    this.owner = owner;
    this.device = device;
  }

  void snapshot(long seq) {
    snapshots++;
    snapshotSeq = seq;
    highest = seq;
  }

  boolean ready() {
    return snapshotSeq >= 0;
  }

  /** Takes an event; true when it is the first delivery of that seq. */
  boolean accept(long seq) {
    if (!ready()) {
      beforeSnapshot++;
      return false;
    }
    if (seq <= snapshotSeq || received.get(index(seq))) {
      duplicates++;
      return false;
    }
    received.set(index(seq));
    if (seq < highest) {
      reordered++;
    } else if (seq > highest + 1) {
      gaps++;
    }
    highest = Math.max(highest, seq);
    return true;
  }

  long highest() {
    return highest;
  }

  /** Events after the snapshot up to {@code finalSeq} that never came. */
  long lost(long finalSeq) {
    if (!ready()) {
      return 0;
    }
    long expected = Math.max(0, finalSeq - snapshotSeq);
    return expected - received.get(0, (int) expected).cardinality();
  }

  boolean complete(long finalSeq) {
    return ready() && lost(finalSeq) == 0;
  }

  private int index(long seq) {
    return (int) (seq - snapshotSeq - 1);
  }
}
