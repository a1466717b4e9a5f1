package app.spotter.coaching;

import app.spotter.coaching.CoachingRepository.PastRow;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * What a live session's exercises carry of the trainee's past (contract v2, "Previous performance"):
 * {@code previous: {date, sets}}, the last completed session with sets of that exercise, and
 * {@code best: {e1rm, weight, reps, rpe, date, unit}}, the best set of the trainee's completed and
 * abandoned sessions by {@link LoggedSet#BETTER}, in the trainer's unit. The current session counts
 * for neither: they are what the trainee is measured against today. Read in one statement per
 * session; issue 14's records will replace the scan behind {@code best}.
 */
public final class PreviousPerformance {
  /** What a set of the previous session shows: its numbers, not who logged it nor its notes. */
  private static final List<String> SET_FIELDS = List.of("id", "number", "kind", "reps", "weight", "unit", "rpe", "rir",
      "durationSeconds", "distanceMeters");

  private final CoachingRepository repository;

  public PreviousPerformance(CoachingRepository repository) {
    this.repository = repository;
  }

  /** {@code previous} and {@code best} (each null when there is none) of each exercise of the session, by its id. */
  public Future<Map<String, JsonObject>> of(UUID sessionId) {
    return repository.history(sessionId).map(PreviousPerformance::fold);
  }

  /** Puts {@code previous} and {@code best} on each exercise record of {@code exercises}. */
  public static void annotate(JsonArray exercises, Map<String, JsonObject> past) {
    exercises.forEach(item -> {
      JsonObject exercise = (JsonObject) item;
      JsonObject mine = past.getOrDefault(exercise.getString("id"), new JsonObject());
      exercise.put("previous", mine.getJsonObject("previous")).put("best", mine.getJsonObject("best"));
    });
  }

  static Map<String, JsonObject> fold(List<PastRow> rows) {
    Map<String, JsonObject> previous = new LinkedHashMap<>();
    Map<String, PastRow> best = new LinkedHashMap<>();
    for (PastRow row : rows) {
      if (row.previous()) {
        previous.put(row.exerciseRecordId(), new JsonObject().put("date", row.date()).put("sets", shown((JsonArray) row.body())));
      } else {
        // Rows come oldest first: a later set replaces the best only when strictly better.
        best.merge(row.exerciseRecordId(), row, (kept, next) -> LoggedSet.BETTER.compare(set(next), set(kept)) > 0 ? next : kept);
      }
    }
    Map<String, JsonObject> out = new LinkedHashMap<>();
    previous.forEach((id, p) -> out.computeIfAbsent(id, k -> new JsonObject()).put("previous", p));
    best.forEach((id, row) -> out.computeIfAbsent(id, k -> new JsonObject()).put("best", bestJson(row)));
    return out;
  }

  private static LoggedSet set(PastRow row) {
    return LoggedSet.of(row.set(), row.trainerUnit());
  }

  private static JsonObject bestJson(PastRow row) {
    LoggedSet set = set(row);
    WeightUnit unit = row.trainerUnit();
    OptionalDouble e1rm = set.e1rm(unit);
    return new JsonObject().put("e1rm", e1rm.isPresent() ? e1rm.getAsDouble() : null).put("weight", set.weightIn(unit))
        .put("reps", set.reps()).put("rpe", set.rpe()).put("date", row.date()).put("unit", unit.wire());
  }

  private static JsonArray shown(JsonArray sets) {
    JsonArray out = new JsonArray();
    sets.forEach(item -> {
      JsonObject set = (JsonObject) item;
      JsonObject kept = new JsonObject();
      SET_FIELDS.forEach(name -> Optional.ofNullable(set.getValue(name)).ifPresent(v -> kept.put(name, v)));
      out.add(kept);
    });
    return out;
  }
}
