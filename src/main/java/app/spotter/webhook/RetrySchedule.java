package app.spotter.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: {@code base} after the first failure (5 s by default),
 * doubling after each further one up to an hour apart, for 24 hours from the event; then it failed.
 */
record RetrySchedule(Duration base) {
  static final Duration MAX_GAP = Duration.ofHours(1);
  static final Duration WINDOW = Duration.ofHours(24);

  /** After {@code failures} failed attempts (at least one): the next attempt, or empty when none is left. */
  Optional<Instant> next(int failures, Instant eventCreated, Instant now) {
    Duration gap = base;
    for (int i = 1; i < failures && gap.compareTo(MAX_GAP) < 0; i++) {
      gap = gap.multipliedBy(2);
    }
    Instant next = now.plus(gap.compareTo(MAX_GAP) < 0 ? gap : MAX_GAP);
    return next.isAfter(eventCreated.plus(WINDOW)) ? Optional.empty() : Optional.of(next);
  }
}
