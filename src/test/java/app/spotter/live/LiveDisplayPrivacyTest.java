package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.LiveClient;
import app.spotter.support.LiveFixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a wall display may receive of a session: an allowlist, never any free text. */
class LiveDisplayPrivacyTest extends LiveSceneTest {
  /** Free text that the session carries somewhere; none of it may reach a wall. */
  private static final List<String> SECRETS = List.of("SECRET-exercise-note", "SECRET-description",
      "SECRET-set-note", "SECRET-skip-reason", "SECRET-modification", "SECRET-trainer-note", "SECRET-feedback",
      "SECRET-timer-label", "Lopez");
  /** The secrets that travel in events (the others sit in the template and the trainee's name). */
  private static final List<String> EVENT_SECRETS = List.of("SECRET-set-note", "SECRET-skip-reason",
      "SECRET-modification", "SECRET-trainer-note", "SECRET-feedback", "SECRET-timer-label");

  @Test
  @DisplayName("a display gets every event and snapshot without any note, reason, feedback, label or surname,"
      + " seq without gaps, while the trainer gets all of it")
  void noFreeTextOnTheWall() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Maria Lopez");
    JsonObject record = LiveFixtures.start(trainer, traineeId, templateWithNotes(trainer));
    String sessionId = record.getString("id");
    String squat = LiveFixtures.exerciseId(record, 0);
    String bench = LiveFixtures.exerciseId(record, 1);
    LiveClient trainerSocket = open(LiveClient.connect(stack)).hello(trainer.api().token(), "trainer-tablet");
    LiveClient traineeSocket = open(LiveClient.connect(stack))
        .hello(LiveFixtures.traineeToken(trainer, traineeId), "trainee-phone");
    LiveClient display = open(LiveClient.connect(stack)).hello(LiveFixtures.displayToken(trainer), "wall-display");
    assertThat(trainerSocket.subscribe(sessionId, null).getString("type")).isEqualTo("snapshot");
    JsonObject firstSnapshot = display.subscribe(sessionId, null);
    assertThat(firstSnapshot.getString("type")).isEqualTo("snapshot");

    ack(trainerSocket, sessionId, "log-set", new JsonObject().put("exerciseRecordId", squat).put("setId", "s1")
        .put("reps", 5).put("weight", 100).put("unit", "kg").put("rpe", 8).put("notes", "SECRET-set-note"));
    ack(trainerSocket, sessionId, "update-set", new JsonObject().put("exerciseRecordId", squat).put("setId", "s1")
        .put("reps", 6));
    ack(trainerSocket, sessionId, "start-timer", new JsonObject().put("durationSeconds", 90)
        .put("label", "SECRET-timer-label"));
    ack(trainerSocket, sessionId, "modify-exercise", new JsonObject().put("exerciseRecordId", bench)
        .put("modificationNotes", "SECRET-modification").put("targetReps", 10));
    ack(trainerSocket, sessionId, "skip-exercise", new JsonObject().put("exerciseRecordId", bench)
        .put("reason", "SECRET-skip-reason"));
    ack(trainerSocket, sessionId, "add-note", new JsonObject().put("text", "SECRET-trainer-note"));
    ack(traineeSocket, sessionId, "submit-feedback", new JsonObject().put("comment", "SECRET-feedback"));
    long last = ack(trainerSocket, sessionId, "complete-exercise", new JsonObject().put("exerciseRecordId", squat));
    List<JsonObject> trainerEvents = trainerSocket.events(sessionId, (int) last);
    List<JsonObject> displayEvents = display.events(sessionId, (int) last);
    // A second subscribe gets a snapshot that holds everything said above.
    JsonObject lastSnapshot = display.subscribe(sessionId, null);
    JsonObject trainerSnapshot = trainerSocket.subscribe(sessionId, null);

    assertThat(displayEvents.stream().map(e -> e.getLong("seq")))
        .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
    assertThat(displayEvents.stream().map(e -> e.getString("name")))
        .containsExactlyElementsOf(trainerEvents.stream().map(e -> e.getString("name")).toList());
    String displayFrames = String.join("\n", display.frames());
    assertThat(displayFrames).doesNotContain(SECRETS);
    String trainerFrames = String.join("\n", trainerSocket.frames());
    assertThat(trainerFrames).contains(EVENT_SECRETS);
    assertThat(trainerSnapshot.encode()).contains(SECRETS);

    // What the wall shows still arrives.
    JsonObject set = displayEvents.get(0).getJsonObject("payload").getJsonObject("set");
    assertThat(set.getInteger("reps")).isEqualTo(5);
    assertThat(set.getInteger("weight")).isEqualTo(100);
    assertThat(set.getString("unit")).isEqualTo("kg");
    assertThat(set.getInteger("rpe")).isEqualTo(8);
    assertThat(set.getInteger("number")).isEqualTo(1);
    assertThat(set.getString("kind")).isEqualTo("working");
    JsonObject state = lastSnapshot.getJsonObject("state");
    assertThat(state.getJsonObject("trainee").getString("name")).isEqualTo("Maria");
    assertThat(state.getString("currentExerciseRecordId")).isEqualTo(squat);
    assertThat(state.getJsonObject("timer").getLong("endsAt")).isNotNull();
    JsonArray exercises = state.getJsonObject("record").getJsonArray("exercises");
    assertThat(exercises.getJsonObject(0).getString("exerciseName")).isEqualTo("Squat");
    assertThat(exercises.getJsonObject(0).getInteger("targetSets")).isEqualTo(3);
    assertThat(exercises.getJsonObject(0).getJsonArray("sets").getJsonObject(0).getInteger("reps")).isEqualTo(6);
    assertThat(exercises.getJsonObject(1).getInteger("targetReps")).isEqualTo(10);
    assertThat(exercises.getJsonObject(1).getBoolean("skipped")).isTrue();
  }

  @Test
  @DisplayName("an exercise added live reaches the wall without its notes, and a catch-up replays events filtered too")
  void addedExerciseAndCatchUp() {
    Scene scene = scene();
    LiveClient trainerSocket = trainerSocket(scene);
    LiveClient display = open(LiveClient.connect(stack))
        .hello(LiveFixtures.displayToken(scene.trainer()), "wall-display");
    display.subscribe(scene.sessionId(), null);
    String lunge = UUID.randomUUID().toString();

    ack(trainerSocket, scene.sessionId(), "add-exercise", new JsonObject().put("exerciseRecordId", lunge)
        .put("exerciseName", "Lunge").put("targetSets", 2));
    ack(trainerSocket, scene.sessionId(), "modify-exercise", new JsonObject().put("exerciseRecordId", lunge)
        .put("modificationNotes", "SECRET-modification"));
    long last = ack(trainerSocket, scene.sessionId(), "log-set", scene.logSet(lunge, "l1").put("notes", "SECRET-set-note"));
    JsonObject added = display.events(scene.sessionId(), (int) last).get(0).getJsonObject("payload");
    LiveClient late = open(LiveClient.connect(stack))
        .hello(LiveFixtures.displayToken(scene.trainer()), "wall-display");
    JsonObject recovered = late.subscribe(scene.sessionId(), 0L);

    assertThat(added.getJsonObject("exercise").getString("exerciseName")).isEqualTo("Lunge");
    assertThat(recovered.getString("type")).isEqualTo("subscribed");
    assertThat(recovered.getLong("seq")).isEqualTo(last);
    assertThat(String.join("\n", display.frames())).doesNotContain("SECRET");
    assertThat(String.join("\n", late.frames())).contains("\"exerciseName\":\"Lunge\"").doesNotContain("SECRET");
  }

  /** Squat and Bench, each with notes and a description, which the session's exercise records copy. */
  private static String templateWithNotes(Trainer trainer) {
    JsonArray exercises = new JsonArray();
    for (String name : List.of("Squat", "Bench")) {
      exercises.add(new JsonObject().put("exerciseName", name).put("targetSets", 3).put("targetReps", 8)
          .put("targetWeight", 50).put("notes", "SECRET-exercise-note").put("exerciseDescription", "SECRET-description"));
    }
    return trainer.api().post("/session-templates", new JsonObject().put("name", "Full body").put("exercises", exercises))
        .json().getString("id");
  }

  private static long ack(LiveClient socket, String sessionId, String name, JsonObject payload) {
    JsonObject answer = socket.command(sessionId, name, payload);
    assertThat(answer.getString("type")).as(name + ": " + answer).isEqualTo("ack");
    return answer.getLong("seq");
  }
}
