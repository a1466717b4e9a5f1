package app.spotter.live.view;

import static java.util.Map.entry;

import app.spotter.live.command.TimerCommands;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;

/**
 * What a wall display receives of a live session, as an allowlist: the trainee's first name, the
 * exercises with their names, targets and sets, the current exercise, the timer, the status and the
 * personal records a set sets, plus the ids, versions and times that keep its copy in step. Nothing
 * else passes, so no note of any kind (set, exercise, template, modification, skip reason, trainer
 * notes, feedback) reaches a wall, and neither does a field added later until it is named here.
 * Every event still reaches the display (seq stays gap-free); an event not named here passes empty.
 */
final class DisplayView {
  private static final JsonAllowlist SET = JsonAllowlist.of("id", "number", "kind", "reps", "weight", "unit", "rpe",
      "durationSeconds", "distanceMeters", "completedAt");
  /** The countdown without its {@code label}: that is whatever text the trainer's client sent (up to 100 characters). */
  private static final JsonAllowlist TIMER = JsonAllowlist.of("id", "exerciseRecordId", "durationSeconds", "startedAt",
      "endsAt", "pausedRemainingMs", "running");
  private static final JsonAllowlist EXERCISE = JsonAllowlist.of("id", "version", "orderIndex", "exerciseName",
      "targetSets", "targetReps", "targetWeight", "targetRpe", "restBetweenSets", "startedAt", "completed", "skipped",
      "completedAt")
      .with("sets", SET);
  /** Personal records a set sets: {@code [{kind, value, previous}]} and the numbers of the set that a banner shows. */
  private static final JsonAllowlist RECORDS = JsonAllowlist.of("kind", "value", "previous", "unit", "exerciseRecordId",
      "exerciseName", "setId", "reps", "weight", "e1rm", "date");

  private static final JsonAllowlist STATE = JsonAllowlist.of("currentExerciseRecordId")
      .with("record", JsonAllowlist.of("id", "version", "liveSeq", "status", "isLive", "completed", "startTime",
          "endTime").with("exercises", EXERCISE))
      .with("trainee", JsonAllowlist.of("id", "name"))
      .with("timer", TIMER)
      .with("presence", JsonAllowlist.of("connectionId", "role", "device", "since"));

  private static final JsonAllowlist TIMER_EVENT = JsonAllowlist.of("timerId", "deltaSeconds").with("timer", TIMER);
  /** Each event's payload by event name. */
  private static final Map<String, JsonAllowlist> EVENTS = Map.ofEntries(
      entry("exercise-started", JsonAllowlist.of("exerciseRecordId", "startedAt", "currentExerciseRecordId")),
      entry("set-logged", JsonAllowlist.of("exerciseRecordId", "currentExerciseRecordId")
          .with("set", SET).with("records", RECORDS)),
      entry("set-updated", JsonAllowlist.of("exerciseRecordId").with("set", SET).with("records", RECORDS)),
      entry("set-deleted", JsonAllowlist.of("exerciseRecordId", "setId")),
      entry("rpe-recorded", JsonAllowlist.of("exerciseRecordId", "setId", "rpe").with("set", SET).with("records", RECORDS)),
      entry("form-rated", JsonAllowlist.of("exerciseRecordId")),
      entry("exercise-completed", JsonAllowlist.of("exerciseRecordId", "completedAt")),
      entry("exercise-skipped", JsonAllowlist.of("exerciseRecordId", "completedAt")),
      entry("exercise-added", JsonAllowlist.of("exerciseRecordId", "afterExerciseRecordId").with("exercise", EXERCISE)),
      entry("exercise-modified", JsonAllowlist.of("exerciseRecordId", "exerciseName", "targetSets", "targetReps",
          "targetWeight", "targetRpe", "restBetweenSets")),
      entry("timer-started", TIMER_EVENT),
      entry("timer-adjusted", TIMER_EVENT),
      entry("timer-paused", TIMER_EVENT),
      entry("timer-resumed", TIMER_EVENT),
      entry("timer-cancelled", TIMER_EVENT),
      entry(TimerCommands.FINISHED, TIMER_EVENT),
      entry("note-added", JsonAllowlist.NOTHING),
      entry("feedback-submitted", JsonAllowlist.NOTHING),
      entry("session-ended", JsonAllowlist.of("status", "endTime")));

  private DisplayView() {}

  /** The snapshot state as a display receives it: the trainee's name cut to the first name. */
  static JsonObject state(JsonObject state) {
    JsonObject view = STATE.keep(state);
    JsonObject trainee = view.getJsonObject("trainee");
    if (trainee != null) {
      trainee.put("name", LiveViews.firstName(trainee.getString("name")));
    }
    return view;
  }

  /** The event's payload as a display receives it. */
  static JsonObject payload(String eventName, JsonObject payload) {
    return EVENTS.getOrDefault(eventName, JsonAllowlist.NOTHING).keep(payload);
  }

  /** The events this table names, so a test can tell when the engine emits one it does not. */
  static Set<String> eventNames() {
    return EVENTS.keySet();
  }
}
