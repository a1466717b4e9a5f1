package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.LiveClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Writes web-client/test/fixtures/live-session.json: every event of a scripted session as the trainer
 * received it, with the snapshot state before the first and after the last. The web client's reducer
 * is tested against it (applying the events to snapshotBefore must give snapshotAfter). Presence is
 * not made of events, so both snapshots carry it empty.
 */
class LiveSessionFixtureTest extends LiveTest {
  static final Path FIXTURE = Path.of("web-client", "test", "fixtures", "live-session.json");

  @Test
  @DisplayName("a scripted session of every command kind is written out for the web client's reducer test")
  void writeFixture() throws IOException {
    startSession();
    LiveClient trainerSocket = trainerSocket(stack.port);
    LiveClient traineeSocket = traineeSocket(stack.port);
    JsonObject before = trainerSocket.subscribe(sessionId, null);
    String lunge = UUID.randomUUID().toString();

    ack(trainerSocket, "start-exercise", new JsonObject().put("exerciseRecordId", squat));
    // A target RPE gives the squat a suggested load, which each set below changes (the reducer recomputes it)
    ack(trainerSocket, "modify-exercise", new JsonObject().put("exerciseRecordId", squat)
        .put("modificationNotes", "aim for RPE 8").put("targetRpe", 8));
    ack(trainerSocket, "log-set", set(squat, "s1", 8));
    ack(trainerSocket, "log-set", set(squat, "s2", 8).put("rir", 2).put("notes", "slow eccentric"));
    ack(trainerSocket, "update-set", new JsonObject().put("exerciseRecordId", squat).put("setId", "s2").put("reps", 7));
    ack(traineeSocket, "record-rpe", new JsonObject().put("exerciseRecordId", squat).put("setId", "s1").put("rpe", 8.5));
    ack(trainerSocket, "log-set", set(squat, "s3", 3).put("kind", "drop"));
    ack(trainerSocket, "delete-set", new JsonObject().put("exerciseRecordId", squat).put("setId", "s2"));
    ack(trainerSocket, "rate-form", new JsonObject().put("exerciseRecordId", squat).put("formRating", 4));
    long rest = ack(trainerSocket, "start-timer", new JsonObject().put("durationSeconds", 1).put("label", "Rest")
        .put("exerciseRecordId", squat));
    List<JsonObject> events = new ArrayList<>(trainerSocket.events(sessionId, (int) rest + 1));
    assertThat(events.get(events.size() - 1).getString("name")).isEqualTo("timer-finished");
    ack(trainerSocket, "start-timer", new JsonObject().put("durationSeconds", 60).put("label", "Work"));
    ack(trainerSocket, "pause-timer", new JsonObject());
    ack(trainerSocket, "adjust-timer", new JsonObject().put("deltaSeconds", 15));
    ack(trainerSocket, "resume-timer", new JsonObject());
    ack(trainerSocket, "adjust-timer", new JsonObject().put("deltaSeconds", -10));
    ack(trainerSocket, "cancel-timer", new JsonObject());
    ack(trainerSocket, "complete-exercise", new JsonObject().put("exerciseRecordId", squat).put("perceivedExertion", 8));
    ack(trainerSocket, "add-exercise", new JsonObject().put("exerciseRecordId", lunge).put("exerciseName", "Lunge")
        .put("targetSets", 2).put("targetReps", 10).put("targetWeight", 20).put("afterExerciseRecordId", squat));
    ack(trainerSocket, "modify-exercise", new JsonObject().put("exerciseRecordId", lunge)
        .put("modificationNotes", "bodyweight only").put("targetWeight", null).put("targetReps", 12));
    ack(trainerSocket, "log-set", set(lunge, "l1", 12).put("weight", null));
    ack(trainerSocket, "skip-exercise", new JsonObject().put("exerciseRecordId", bench).put("reason", "shoulder"));
    ack(trainerSocket, "add-note", new JsonObject().put("text", "great session"));
    ack(traineeSocket, "submit-feedback", new JsonObject().put("energy", 4).put("comment", "tough"));
    ack(trainerSocket, "start-timer", new JsonObject().put("durationSeconds", 30));
    long last = ack(trainerSocket, "end-session", new JsonObject().put("status", "completed"));
    events.addAll(trainerSocket.events(sessionId, (int) last - events.size()));
    JsonObject after = open(LiveClient.connect(stack)).hello(trainer.api().token(), "other").subscribe(sessionId, null);

    assertThat(before.getLong("seq")).isZero();
    assertThat(seqs(events)).isEqualTo(range(1, last));
    assertThat(after.getLong("seq")).isEqualTo(last);
    assertThat(names(events)).contains("exercise-started", "set-logged", "set-updated", "set-deleted", "rpe-recorded",
        "form-rated", "timer-started", "timer-finished", "timer-paused", "timer-adjusted", "timer-resumed",
        "timer-cancelled", "exercise-completed", "exercise-added", "exercise-modified", "exercise-skipped",
        "note-added", "feedback-submitted", "session-ended");
    JsonObject state = after.getJsonObject("state");
    JsonArray exercises = state.getJsonObject("record").getJsonArray("exercises");
    assertThat(exercises.stream().map(e -> ((JsonObject) e).getString("exerciseName")))
        .containsExactly("Squat", "Lunge", "Bench");
    assertThat(exercises.getJsonObject(0).getJsonArray("sets").stream().map(s -> ((JsonObject) s).getString("id")))
        .containsExactly("s1", "s3");
    assertThat(exercises.getJsonObject(1).getString("modificationNotes")).isEqualTo("bodyweight only");
    assertThat(exercises.getJsonObject(2).getBoolean("skipped")).isTrue();
    assertThat(state.getJsonObject("record").getString("status")).isEqualTo("completed");
    assertThat(state.getValue("timer")).isNull();

    JsonObject fixture = new JsonObject()
        .put("events", new JsonArray(List.copyOf(events)))
        .put("snapshotBefore", withoutPresence(before.getJsonObject("state")))
        .put("snapshotAfter", withoutPresence(state));
    Files.createDirectories(FIXTURE.getParent());
    Files.writeString(FIXTURE, fixture.encodePrettily() + "\n");
    assertThat(new JsonObject(Files.readString(FIXTURE)).getJsonArray("events")).hasSize((int) last);
  }

  private static JsonObject withoutPresence(JsonObject state) {
    return state.copy().put("presence", new JsonArray());
  }
}
