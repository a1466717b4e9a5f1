package app.spotter.coaching;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The numbers a session ends with (contract v2, "Summary"), from its record with exercises inline.
 * Only work counts: working, drop and failure sets; warm-ups are left out of every number. Weights
 * are in the trainer's {@code unit}, each set converted exactly from the unit it was logged in.
 * See docs/coaching.md for each definition. The records it set come from the record log
 * ({@link PersonalRecords#ofSession}).
 */
public final class SessionSummary {
  private SessionSummary() {}

  /** {@code now} stands in for the end of a session that has not ended (null: no duration until then). */
  public static JsonObject of(JsonObject record, WeightUnit unit, Instant now) {
    int exercises = 0;
    int workingSets = 0;
    double volume = 0;
    double rpeSum = 0;
    int rpeCount = 0;
    double formSum = 0;
    int formCount = 0;
    JsonArray bestSets = new JsonArray();
    for (Object item : record.getJsonArray("exercises", new JsonArray())) {
      JsonObject exercise = (JsonObject) item;
      Integer form = exercise.getInteger("formRating");
      if (form != null) {
        formSum += form;
        formCount++;
      }
      List<LoggedSet> work = new ArrayList<>();
      exercise.getJsonArray("sets", new JsonArray())
          .forEach(set -> work.add(LoggedSet.of((JsonObject) set, unit)));
      work.removeIf(set -> !set.working());
      if (work.isEmpty()) {
        continue;
      }
      exercises++;
      workingSets += work.size();
      for (LoggedSet set : work) {
        volume += set.volume(unit);
        if (set.rpe() != null) {
          rpeSum += set.rpe();
          rpeCount++;
        }
      }
      // max keeps the first of equals: the earlier set.
      bestSets.add(bestSet(exercise, work.stream().max(LoggedSet.BETTER).orElseThrow(), unit));
    }
    return new JsonObject()
        .put("durationSeconds", durationSeconds(record, now))
        .put("exercises", exercises)
        .put("workingSets", workingSets)
        .put("volume", WeightUnit.tenth(volume))
        .put("unit", unit.wire())
        .put("averageRpe", rpeCount == 0 ? null : WeightUnit.tenth(rpeSum / rpeCount))
        .put("formRating", formCount == 0 ? null : WeightUnit.tenth(formSum / formCount))
        .put("bestSets", bestSets);
  }

  /**
   * A listed record's headline numbers: its summary without the per-exercise lists, and without a
   * duration until it has ended (a list answer does not change while nothing is written).
   */
  public static JsonObject stats(JsonObject record, WeightUnit unit) {
    JsonObject stats = of(record, unit, null);
    stats.remove("bestSets");
    return stats;
  }

  private static JsonObject bestSet(JsonObject exercise, LoggedSet set, WeightUnit unit) {
    OptionalDouble e1rm = set.e1rm(unit);
    return new JsonObject().put("exerciseRecordId", exercise.getString("id"))
        .put("exerciseName", exercise.getString("exerciseName")).put("setId", set.id()).put("kind", set.kind())
        .put("reps", set.reps()).put("weight", set.weightIn(unit)).put("rpe", set.rpe())
        .put("e1rm", e1rm.isPresent() ? e1rm.getAsDouble() : null).put("unit", unit.wire());
  }

  /** From the start to the end, or to {@code now} while the session is live; null without both. */
  private static Long durationSeconds(JsonObject record, Instant now) {
    String start = record.getString("startTime");
    String end = record.getString("endTime");
    Instant until = end != null ? Instant.parse(end) : "live".equals(record.getString("status")) ? now : null;
    if (start == null || until == null) {
      return null;
    }
    return Math.max(0, Duration.between(Instant.parse(start), until).toSeconds());
  }
}
