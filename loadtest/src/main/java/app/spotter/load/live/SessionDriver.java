package app.spotter.load.live;

import app.spotter.load.metrics.Latencies;
import io.vertx.core.Future;
import java.util.Random;
import java.util.UUID;

/** One session's sender: at each intended time it picks a command from the mix and sends it from the right device. */
final class SessionDriver {
  static final String SEND_LAG = "generator-send-lag";
  final SessionBook book;
  final LiveSocket trainer;
  final LiveSocket trainee;
  private final Random random;
  private final Latencies latencies;

  SessionDriver(SessionBook book, LiveSocket trainer, LiveSocket trainee, Random random, Latencies latencies) {
    this.book = book;
    this.trainer = trainer;
    this.trainee = trainee;
    this.random = random;
    this.latencies = latencies;
  }

  /** Runs on the trainer's context at (or after) {@code intendedNanos}. */
  void tick(long intendedNanos, boolean measured) {
    CommandMix.Planned planned = CommandMix.next(book, random);
    LiveSocket sender = planned.byTrainee() ? trainee : trainer;
    sender.command(book, new SessionBook.Sent(UUID.randomUUID().toString(), planned.name(), sender, intendedNanos,
        measured, planned.setId(), planned.exerciseId()), planned.payload());
    if (measured) {
      latencies.recordNanos(SEND_LAG, System.nanoTime() - intendedNanos);
    }
  }

  /** Ends the session after the run (not measured). */
  Future<Void> end() {
    return trainer.endSession(book);
  }
}
