package app.spotter.coaching;

import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.OptionalDouble;

/**
 * The numbers of one logged set that coaching reads. A set logged without a unit is taken to be in
 * the trainer's unit, the one every screen shows weights in.
 */
public record LoggedSet(String id, String kind, Integer reps, Double weight, WeightUnit unit, Double rpe) {
  /**
   * Best first: the higher e1RM; between sets without one (more than 12 reps in reserve and reps,
   * or no load), the heavier; then the one with more reps. Compared in kilograms, exactly.
   */
  public static final Comparator<LoggedSet> BETTER = Comparator
      .comparingDouble((LoggedSet s) -> s.exactE1rm(WeightUnit.KG).orElse(-1))
      .thenComparingDouble(s -> s.weight == null ? -1 : s.unit.convert(s.weight, WeightUnit.KG))
      .thenComparingInt(s -> s.reps == null ? -1 : s.reps);

  public static LoggedSet of(JsonObject set, WeightUnit fallback) {
    Number weight = (Number) set.getValue("weight");
    Number rpe = (Number) set.getValue("rpe");
    return new LoggedSet(set.getString("id"), set.getString("kind"), set.getInteger("reps"),
        weight == null ? null : weight.doubleValue(), WeightUnit.of(set.getString("unit"), fallback),
        rpe == null ? null : rpe.doubleValue());
  }

  /** A working, drop or failure set: what counts for e1RM, volume and the summary's counts. */
  public boolean working() {
    return E1rm.counts(kind);
  }

  /** The e1RM converted to {@code target} and rounded there to 0.1. */
  public OptionalDouble e1rm(WeightUnit target) {
    OptionalDouble exact = exactE1rm(target);
    return exact.isPresent() ? OptionalDouble.of(WeightUnit.tenth(exact.getAsDouble())) : exact;
  }

  /** The weight in {@code target}, rounded to 0.1; null without a weight. */
  public Double weightIn(WeightUnit target) {
    return weight == null ? null : WeightUnit.tenth(unit.convert(weight, target));
  }

  /** reps × weight in {@code target}, unrounded (sums round once); 0 without either. */
  public double volume(WeightUnit target) {
    return reps == null || weight == null ? 0 : reps * unit.convert(weight, target);
  }

  /** {@link #e1rm} unrounded: records compare it exactly. */
  OptionalDouble exactE1rm(WeightUnit target) {
    OptionalDouble exact = E1rm.exact(kind, weight, reps, rpe);
    return exact.isPresent() ? OptionalDouble.of(unit.convert(exact.getAsDouble(), target)) : exact;
  }
}
