package app.spotter.coaching;

import app.spotter.coaching.ProgressRepository.SetRow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One exercise's progress, a point per session (docs/coaching.md, "Progress"): the session's
 * {@code e1rm} (that of its better set, the best e1RM of the session), its {@code bestSet} by
 * {@link LoggedSet#BETTER} and its {@code volume}, all in the trainer's unit, like the session summary.
 */
final class ProgressPoints {
  private ProgressPoints() {}

  /** {@code rows}: working sets, grouped by session in the order the points come in. */
  static JsonArray of(List<SetRow> rows, WeightUnit unit) {
    JsonArray points = new JsonArray();
    List<LoggedSet> session = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      SetRow row = rows.get(i);
      session.add(LoggedSet.of(row.set(), unit));
      boolean last = i + 1 == rows.size() || !rows.get(i + 1).sessionId().equals(row.sessionId());
      if (last) {
        points.add(point(row, session, unit));
        session.clear();
      }
    }
    return points;
  }

  private static JsonObject point(SetRow row, List<LoggedSet> sets, WeightUnit unit) {
    // max keeps the first of equals: the earlier set.
    LoggedSet best = sets.stream().max(LoggedSet.BETTER).orElseThrow();
    OptionalDouble e1rm = best.e1rm(unit);
    double volume = sets.stream().mapToDouble(set -> set.volume(unit)).sum();
    return new JsonObject()
        .put("date", row.date().toString())
        .put("sessionRecordId", row.sessionId().toString())
        .put("e1rm", e1rm.isPresent() ? e1rm.getAsDouble() : null)
        .put("bestSet", new JsonObject().put("reps", best.reps()).put("weight", best.weightIn(unit))
            .put("rpe", best.rpe()).put("unit", unit.wire()))
        .put("volume", WeightUnit.tenth(volume))
        .put("workingSets", sets.size());
  }
}
