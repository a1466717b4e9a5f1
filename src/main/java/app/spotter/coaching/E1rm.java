package app.spotter.coaching;

import java.util.OptionalDouble;
import java.util.Set;

/**
 * A set's estimated one-repetition maximum (contract v2, "Coaching numbers"): {@code weight / p(n)}
 * with {@code n = reps + 10 - rpe}, {@code p} the RPE percentage chart below for n = 1..12, linear
 * between whole n. A set without RPE counts as RPE 10; n over 12 has no e1RM. Only sets of work
 * count: a warm-up is light on purpose, so its estimate says nothing about what the trainee can lift.
 */
public final class E1rm {
  /** p(1) .. p(12): the share of the one-rep max lifted for n reps to failure. */
  private static final double[] PERCENT = {1.000, .955, .922, .892, .863, .837, .811, .786, .762, .739, .707, .680};
  private static final Set<String> WORKING_KINDS = Set.of("working", "drop", "failure");

  private E1rm() {}

  /** Whether a set of this kind counts as work (a set without a kind is a working set, as stored). */
  public static boolean counts(String kind) {
    return kind == null || WORKING_KINDS.contains(kind);
  }

  /** The e1RM in the set's unit, rounded to 0.1; empty for a warm-up, a set without load or reps, or n > 12. */
  public static OptionalDouble of(String kind, Double weight, Integer reps, Double rpe) {
    OptionalDouble exact = exact(kind, weight, reps, rpe);
    return exact.isPresent() ? OptionalDouble.of(WeightUnit.tenth(exact.getAsDouble())) : exact;
  }

  /** {@link #of} unrounded, for converting to another unit before rounding once. */
  public static OptionalDouble exact(String kind, Double weight, Integer reps, Double rpe) {
    if (!counts(kind) || weight == null || weight <= 0 || reps == null || reps < 1) {
      return OptionalDouble.empty();
    }
    OptionalDouble p = percent(reps + 10 - (rpe == null ? 10 : rpe));
    return p.isPresent() ? OptionalDouble.of(weight / p.getAsDouble()) : p;
  }

  /** {@code p(n)}: the share of the one-rep max lifted for n reps to failure; empty outside 1..12. */
  public static OptionalDouble percent(double n) {
    if (n < 1 || n > PERCENT.length) {
      return OptionalDouble.empty();
    }
    int whole = (int) Math.floor(n);
    double fraction = n - whole;
    return OptionalDouble.of(fraction == 0 ? PERCENT[whole - 1]
        : PERCENT[whole - 1] + (PERCENT[whole] - PERCENT[whole - 1]) * fraction);
  }
}
