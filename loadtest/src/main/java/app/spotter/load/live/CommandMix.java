package app.spotter.load.live;

import io.vertx.core.json.JsonObject;
import java.util.Random;
import java.util.UUID;

/**
 * What a session does at each tick: mostly the trainer logs a set (a fresh setId each time), now and
 * then starts a rest timer, and now and then the trainee records the RPE of the last acked set.
 */
public final class CommandMix {
  static final int LOG_SET_PERCENT = 85;
  static final int TIMER_PERCENT = 10;

  private CommandMix() {}

  /** One planned command; {@code byTrainee} says whose socket sends it. */
  public record Planned(boolean byTrainee, String name, JsonObject payload, String setId, String exerciseId) {}

  public static Planned next(SessionBook book, Random random) {
    int roll = random.nextInt(100);
    String[] lastSet = book.lastSet();
    if (roll >= LOG_SET_PERCENT + TIMER_PERCENT && lastSet != null) {
      return new Planned(true, "record-rpe", new JsonObject().put("exerciseRecordId", lastSet[0])
          .put("setId", lastSet[1]).put("rpe", 6 + random.nextInt(9) * 0.5), null, null);
    }
    String exercise = book.nextExercise();
    if (roll >= LOG_SET_PERCENT && roll < LOG_SET_PERCENT + TIMER_PERCENT) {
      return new Planned(false, "start-timer", new JsonObject().put("durationSeconds", 60 + random.nextInt(61))
          .put("label", "Rest").put("exerciseRecordId", exercise), null, null);
    }
    String setId = UUID.randomUUID().toString();
    JsonObject payload = new JsonObject().put("exerciseRecordId", exercise).put("setId", setId)
        .put("reps", 5 + random.nextInt(8)).put("weight", 40 + random.nextInt(40) * 2.5).put("unit", "kg");
    return new Planned(false, "log-set", payload, setId, exercise);
  }
}
