package app.spotter.coaching;

import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** A logged set with where it was logged: what records are folded from. */
public record HistorySet(UUID traineeId, String identity, UUID sessionRecordId, String sessionDate,
    UUID exerciseRecordId, String exerciseName, JsonObject body, WeightUnit trainerUnit) {

  public LoggedSet set() {
    return LoggedSet.of(body, trainerUnit);
  }

  public String setId() {
    return body.getString("id");
  }

  /** The same set with other values: what a changed set will be. */
  public HistorySet withBody(JsonObject changed) {
    return new HistorySet(traineeId, identity, sessionRecordId, sessionDate, exerciseRecordId, exerciseName, changed,
        trainerUnit);
  }
}
