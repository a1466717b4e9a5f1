package app.spotter.coaching;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Records folded from sets in the order they were lifted: the records they end at and the log of
 * every record (baselines included) on the way. Live logging adds one set to stored records the same
 * way; a change to history replays the exercise's sets from the start.
 */
public final class RecordReplay {
  private final ExerciseRecords records;
  private final JsonArray log = new JsonArray();

  public RecordReplay(ExerciseRecords records) {
    this.records = records;
  }

  /** All of {@code sets}, one exercise's, oldest first, from no records. */
  public static RecordReplay of(List<HistorySet> sets) {
    RecordReplay replay = new RecordReplay(ExerciseRecords.none());
    sets.forEach(replay::add);
    return replay;
  }

  /** Folds in {@code set} as the latest, answering the records it set (baselines included). */
  public List<RecordEntry> add(HistorySet set) {
    LoggedSet logged = set.set();
    List<RecordEntry> entries = records.add(logged);
    entries.forEach(entry -> log.add(logRow(set, logged, entry)));
    return entries;
  }

  public ExerciseRecords records() {
    return records;
  }

  /** The log rows as stored ({@link PersonalRecordRepository}'s columns), in order. */
  public JsonArray log() {
    return log;
  }

  /** The rows of the log of one set: what it set. */
  public List<JsonObject> logOf(String exerciseRecordId, String setId) {
    List<JsonObject> out = new ArrayList<>();
    log.forEach(item -> {
      JsonObject row = (JsonObject) item;
      if (exerciseRecordId.equals(row.getString("exercise_record_id")) && setId.equals(row.getString("set_id"))) {
        out.add(row);
      }
    });
    return out;
  }

  private static JsonObject logRow(HistorySet at, LoggedSet set, RecordEntry entry) {
    OptionalDouble e1rm = set.exactE1rm(WeightUnit.KG);
    return new JsonObject()
        .put("trainee_id", at.traineeId().toString())
        .put("identity", at.identity())
        .put("kind", entry.kind())
        .put("value", entry.value())
        .put("previous", entry.previous())
        .put("session_record_id", at.sessionRecordId().toString())
        .put("session_date", at.sessionDate())
        .put("exercise_record_id", at.exerciseRecordId().toString())
        .put("exercise_name", at.exerciseName())
        .put("set_id", set.id())
        .put("reps", set.reps())
        .put("weight_kg", set.weight() == null ? 0.0 : set.unit().convert(set.weight(), WeightUnit.KG))
        .put("e1rm_kg", e1rm.isPresent() ? e1rm.getAsDouble() : null)
        .put("rpe", set.rpe());
  }
}
