package app.spotter.coaching;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.OptionalDouble;

/**
 * The suggested load of an exercise's next working set (contract v2, "Suggested load"):
 * {@code e1RM × p(targetReps + 10 − targetRpe)}, rounded down to the trainer's load increment, so the
 * set lands at or just under the target RPE. The e1RM is today's best (the exercise's working sets of
 * this session), else the last session's best (its {@code previous} sets), in the trainer's unit and
 * rounded to 0.1 as the screens show it. No suggestion without both targets, without an e1RM, when
 * the targets leave the chart (n outside 1..12) or when it would be less than one increment.
 * The web client recomputes it between snapshots with the same rules (web-client/src/lib/coaching.ts).
 */
public final class SuggestedLoad {
  /** Below this a quotient counts as whole: 90 / 2.5 must floor to 36, not 35.99… */
  private static final double EPSILON = 1e-9;

  /** The trainer's unit and load increment, which a suggestion is in and rounds down to. */
  public record Settings(WeightUnit unit, double increment) {
    /** What snapshots carry as {@code coaching}, so a client can recompute the suggestion. */
    public JsonObject json() {
      return new JsonObject().put("unit", unit.wire()).put("loadIncrement", increment);
    }
  }

  private SuggestedLoad() {}

  /** {@code suggestedWeight} and {@code suggestion} on each exercise, after its {@code previous} is on it. */
  public static void annotate(JsonArray exercises, Settings settings) {
    exercises.forEach(item -> {
      JsonObject exercise = (JsonObject) item;
      JsonObject suggestion = of(exercise, settings);
      exercise.put("suggestedWeight", suggestion == null ? null : suggestion.getDouble("weight"))
          .put("suggestion", suggestion);
    });
  }

  /** {@code {weight, e1rm, percent, source}} for the exercise record (with its sets and {@code previous}), or null. */
  public static JsonObject of(JsonObject exercise, Settings settings) {
    Integer reps = exercise.getInteger("targetReps");
    Number rpe = (Number) exercise.getValue("targetRpe");
    if (reps == null || rpe == null) {
      return null;
    }
    OptionalDouble p = E1rm.percent(reps + 10 - rpe.doubleValue());
    if (p.isEmpty()) {
      return null;
    }
    String source = "today";
    OptionalDouble e1rm = bestE1rm(exercise.getJsonArray("sets"), settings.unit());
    JsonObject previous = exercise.getJsonObject("previous");
    if (e1rm.isEmpty() && previous != null) {
      source = "last-session";
      e1rm = bestE1rm(previous.getJsonArray("sets"), settings.unit());
    }
    if (e1rm.isEmpty()) {
      return null;
    }
    double weight = roundDown(e1rm.getAsDouble() * p.getAsDouble(), settings.increment());
    if (weight <= 0) {
      return null;
    }
    return new JsonObject().put("weight", weight).put("e1rm", e1rm.getAsDouble())
        .put("percent", WeightUnit.tenth(p.getAsDouble() * 100)).put("source", source);
  }

  /** {@code load} rounded down to a whole number of increments (at most two decimals each). */
  static double roundDown(double load, double increment) {
    double steps = Math.floor(load / increment + EPSILON);
    return Math.round(steps * increment * 100) / 100.0;
  }

  /** The highest e1RM of the working sets, in {@code unit}, rounded to 0.1. */
  private static OptionalDouble bestE1rm(JsonArray sets, WeightUnit unit) {
    OptionalDouble best = OptionalDouble.empty();
    for (Object item : sets == null ? new JsonArray() : sets) {
      OptionalDouble e1rm = LoggedSet.of((JsonObject) item, unit).e1rm(unit);
      if (e1rm.isPresent() && (best.isEmpty() || e1rm.getAsDouble() > best.getAsDouble())) {
        best = e1rm;
      }
    }
    return best;
  }
}
