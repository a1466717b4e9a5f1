package app.spotter.load.live;

import app.spotter.load.metrics.Counters;
import app.spotter.load.metrics.Latencies;
import app.spotter.load.metrics.Timeline;
import app.spotter.load.setup.Fleet.SessionSetup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything about one live session during a run: its subscribers' streams, the commands sent and
 * not yet acked, and which command made which seq. The ack tells a command's seq; an event that
 * reaches another device before the ack reaches the sender waits in {@code early} until it does.
 * Latencies are measured from the command's intended send time. All methods hold the book's lock.
 */
public final class SessionBook {
  public static final String ACK = "command->ack";
  public static final String OTHER = "command->other-device";
  public final SessionSetup setup;
  private final Latencies latencies;
  private final Counters counters;
  private final Timeline timeline;
  private final List<Stream> streams = new ArrayList<>();
  private final Map<String, Sent> unacked = new HashMap<>();
  private final Map<Long, Sent> bySeq = new HashMap<>();
  private final Map<Long, List<Arrival>> early = new HashMap<>();
  private long highestAcked = -1;
  private int setsLogged;
  private String lastSetId;
  private String lastSetExercise;

  /** A command on its way: who sent it, when it was meant to go, whether it counts toward the histograms. */
  record Sent(String commandId, String name, Object sender, long intendedNanos, boolean measured, String setId,
      String exerciseId) {}

  private record Arrival(Stream stream, long nanos, String name) {}

  public SessionBook(SessionSetup setup, Latencies latencies, Counters counters, Timeline timeline) {
    this.setup = setup;
    this.latencies = latencies;
    this.counters = counters;
    this.timeline = timeline;
  }

  public String id() {
    return setup.sessionId();
  }

  synchronized Stream follow(Object owner, String device) {
    Stream stream = new Stream(owner, device);
    streams.add(stream);
    return stream;
  }

  synchronized void snapshot(Stream stream, long seq) {
    stream.snapshot(seq);
  }

  synchronized void sent(Sent sent) {
    unacked.put(sent.commandId(), sent);
    counters.add("sent:" + sent.name());
  }

  synchronized void ack(String commandId, long seq, long nanos) {
    Sent sent = unacked.remove(commandId);
    if (sent == null) {
      counters.add("error:ack-for-unknown-command");
      return;
    }
    counters.add("acked");
    if (sent.measured()) {
      latencies.recordNanos(ACK, nanos - sent.intendedNanos());
      timeline.record(sent.intendedNanos(), nanos - sent.intendedNanos());
    }
    if (sent.setId() != null) {
      setsLogged++;
      lastSetId = sent.setId();
      lastSetExercise = sent.exerciseId();
    }
    highestAcked = Math.max(highestAcked, seq);
    if (bySeq.putIfAbsent(seq, sent) != null) {
      counters.add("correctness:seq-acked-twice");
    }
    List<Arrival> waiting = early.remove(seq);
    if (waiting != null) {
      waiting.forEach(a -> arrived(sent, a.stream(), a.nanos()));
    }
  }

  synchronized void rejected(String commandId, String code) {
    unacked.remove(commandId);
    counters.add("rejected:" + code);
  }

  synchronized void event(Stream stream, long seq, String name, long nanos) {
    counters.add("events-received");
    if (!stream.accept(seq)) {
      return;
    }
    Sent sent = bySeq.get(seq);
    if (sent != null) {
      arrived(sent, stream, nanos);
    } else {
      early.computeIfAbsent(seq, s -> new ArrayList<>()).add(new Arrival(stream, nanos, name));
    }
  }

  private void arrived(Sent sent, Stream stream, long nanos) {
    if (stream.owner == sent.sender() || !sent.measured()) {
      return;
    }
    latencies.recordNanos(OTHER, nanos - sent.intendedNanos());
    latencies.recordNanos("command->" + stream.device, nanos - sent.intendedNanos());
  }

  /** The last seq of the session as far as anyone knows. */
  synchronized long finalSeq() {
    long seq = highestAcked;
    for (Stream s : streams) {
      seq = Math.max(seq, s.highest());
    }
    return seq;
  }

  /** No command waits for its answer and every subscriber has everything up to the last known seq. */
  public synchronized boolean settled() {
    long last = finalSeq();
    return unacked.isEmpty() && streams.stream().allMatch(s -> s.complete(last));
  }

  synchronized boolean allSnapshots() {
    return streams.stream().allMatch(Stream::ready);
  }

  /** Adds this session's correctness counts; events no command of ours made (timer-finished) are counted by name. */
  synchronized void tally(Counters into) {
    long last = finalSeq();
    for (Stream s : streams) {
      into.add("correctness:lost", s.lost(last));
      into.add("correctness:duplicated", s.duplicates);
      into.add("correctness:reordered", s.reordered);
      into.add("correctness:gaps", s.gaps);
      into.add("correctness:event-before-snapshot", s.beforeSnapshot);
      into.add("correctness:extra-snapshots", Math.max(0, s.snapshots - 1));
    }
    into.add("unanswered-commands", unacked.size());
    early.values().forEach(arrivals -> {
      String name = arrivals.get(0).name();
      into.add(("timer-finished".equals(name) ? "server-events:" : "correctness:event-without-command:") + name);
    });
  }

  /** For the command mix: the exercise a new set goes to (three sets each, round robin). */
  synchronized String nextExercise() {
    List<String> ids = setup.exerciseIds();
    return ids.get((setsLogged / 3) % ids.size());
  }

  /** The last acked set as {exerciseRecordId, setId}, or null before the first. */
  synchronized String[] lastSet() {
    return lastSetId == null ? null : new String[] {lastSetExercise, lastSetId};
  }
}
