package app.spotter.coaching;

import app.spotter.coaching.CoachingRepository.PastRow;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a live session's exercises carry of the trainee's past (contract v2, "Previous performance"):
 * {@code previous: {date, sets}}, the last completed session with sets of that exercise, and
 * {@code best: {e1rm, weight, reps, rpe, date, unit}}, the set of the trainee's best e1RM (else, when
 * no set has one, of the heaviest weight) from the personal records, in the trainer's unit. The
 * current session counts for neither: they are what the trainee is measured against today. Read in
 * one statement per session.
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
    Map<String, JsonObject> out = new LinkedHashMap<>();
    for (PastRow row : rows) {
      JsonObject mine = out.computeIfAbsent(row.exerciseRecordId(), k -> new JsonObject());
      if (row.previous()) {
        mine.put("previous", new JsonObject().put("date", row.date()).put("sets", shown((JsonArray) row.body())));
      } else {
        mine.put("best", bestJson(row.set(), row.trainerUnit()));
      }
    }
    return out;
  }

  /** A record log row's set in {@code unit}. */
  private static JsonObject bestJson(JsonObject log, WeightUnit unit) {
    Double e1rm = log.getDouble("e1rm_kg");
    return new JsonObject().put("e1rm", e1rm == null ? null : unit.shownFromKg(e1rm))
        .put("weight", unit.shownFromKg(log.getDouble("weight_kg"))).put("reps", log.getInteger("reps"))
        .put("rpe", log.getDouble("rpe")).put("date", log.getString("session_date")).put("unit", unit.wire());
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
