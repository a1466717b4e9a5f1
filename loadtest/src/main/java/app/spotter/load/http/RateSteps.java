package app.spotter.load.http;

import java.util.List;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Which request rates to measure: the rates given, in order; or, without any, doubling from 100/s
 * until a rate fails, then halving the gap between the highest passing and the lowest failing rate
 * {@link #BISECTIONS} times (which leaves it at an eighth of the doubling step).
 */
final class RateSteps {
  static final int FIRST = 100;
  static final int BISECTIONS = 3;
  private static final int HIGHEST = 102_400;
  private final List<Integer> given;
  private final TreeMap<Integer, Boolean> measured = new TreeMap<>();
  private int bisections;

  RateSteps(List<Integer> given) {
    this.given = given;
  }

  void record(int rate, boolean passed) {
    measured.put(rate, passed);
  }

  OptionalInt next() {
    if (!given.isEmpty()) {
      return measured.size() < given.size() ? OptionalInt.of(given.get(measured.size())) : OptionalInt.empty();
    }
    if (measured.isEmpty()) {
      return OptionalInt.of(FIRST);
    }
    OptionalInt pass = highestPassing();
    Integer fail = pass.isEmpty() ? measured.firstKey() : measured.higherKey(pass.getAsInt());
    if (pass.isEmpty()) {
      return OptionalInt.empty();
    }
    if (fail == null) {
      return pass.getAsInt() >= HIGHEST ? OptionalInt.empty() : OptionalInt.of(pass.getAsInt() * 2);
    }
    if (bisections >= BISECTIONS) {
      return OptionalInt.empty();
    }
    bisections++;
    // The middle, rounded to 10/s.
    return OptionalInt.of(pass.getAsInt() + Math.max(1, Math.round((fail - pass.getAsInt()) / 20f)) * 10);
  }

  /** The highest rate that passed (below any rate that failed under it, the lower one counts). */
  OptionalInt highestPassing() {
    int best = -1;
    for (var e : measured.entrySet()) {
      if (!e.getValue()) {
        break;
      }
      best = e.getKey();
    }
    return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
  }
}
