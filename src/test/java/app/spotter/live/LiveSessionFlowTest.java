package app.spotter.live;

import static app.spotter.support.LiveFixtures.exerciseId;
import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.LiveClient;
import app.spotter.support.LiveFixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LiveSessionFlowTest extends ApiTest {
  private LiveClient trainerSocket;
  private LiveClient traineeSocket;
  private LiveClient displaySocket;

  @AfterEach
  void closeSockets() {
    for (LiveClient c : new LiveClient[] {trainerSocket, traineeSocket, displaySocket}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  @DisplayName("starting a live session makes a live record with one exercise record per template exercise")
  void start() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Maria Lopez");
    String templateId = LiveFixtures.template(trainer, "Squat", "Bench", "Row");

    JsonObject record = LiveFixtures.start(trainer, traineeId, templateId);

    assertThat(record.getString("status")).isEqualTo("live");
    assertThat(record.getBoolean("isLive")).isTrue();
    assertThat(record.getJsonArray("exercises")).hasSize(3);
    JsonObject squat = record.getJsonArray("exercises").getJsonObject(0);
    assertThat(squat.getString("exerciseName")).isEqualTo("Squat");
    assertThat(squat.getInteger("targetSets")).isEqualTo(3);
    assertThat(squat.getInteger("restBetweenSets")).isEqualTo(90);
    assertThat(trainer.api().get("/live-sessions").items()).hasSize(1);

    var second = trainer.api().post("/live-sessions", new JsonObject().put("traineeId", traineeId));
    assertThat(second.status()).isEqualTo(409);
  }

  @Test
  @DisplayName("another trainer's trainee or template cannot start a session (404)")
  void startTenancy() {
    Trainer owner = registerTrainer();
    Trainer other = registerTrainer();
    String traineeId = createTrainee(owner.api(), "Private");
    String templateId = LiveFixtures.template(owner, "Squat");
    String ownTrainee = createTrainee(other.api(), "Own");

    assertThat(other.api().post("/live-sessions", new JsonObject().put("traineeId", traineeId)).status()).isEqualTo(404);
    assertThat(other.api().post("/live-sessions", new JsonObject().put("traineeId", ownTrainee)
        .put("sessionTemplateId", templateId)).status()).isEqualTo(404);
    assertThat(stack.count("SELECT count(*) FROM training_session_record")).isZero();
  }

  @Test
  @DisplayName("trainer, trainee and display see the same events in the same order, and REST shows the result")
  void threeScreensInSync() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Maria Lopez");
    JsonObject record = LiveFixtures.start(trainer, traineeId, LiveFixtures.template(trainer, "Squat", "Bench"));
    String sessionId = record.getString("id");
    String squat = exerciseId(record, 0);
    String bench = exerciseId(record, 1);

    trainerSocket = LiveClient.connect(stack).hello(trainer.api().token(), "trainer-tablet");
    traineeSocket = LiveClient.connect(stack).hello(LiveFixtures.traineeToken(trainer, traineeId), "trainee-phone");
    displaySocket = LiveClient.connect(stack).hello(LiveFixtures.displayToken(trainer), "wall-display");
    assertThat(trainerSocket.subscribe(sessionId, null).getString("type")).isEqualTo("snapshot");
    assertThat(traineeSocket.subscribe(sessionId, null).getString("type")).isEqualTo("snapshot");
    displaySocket.send(new JsonObject().put("type", "subscribe-display"));
    JsonObject displaySnapshot = displaySocket.next(m -> "snapshot".equals(m.getString("type")));
    assertThat(displaySnapshot.getJsonObject("state").getJsonObject("trainee").getString("name")).isEqualTo("Maria");

    assertThat(trainerSocket.command(sessionId, "start-exercise", new JsonObject().put("exerciseRecordId", squat))
        .getString("type")).isEqualTo("ack");
    trainerSocket.command(sessionId, "log-set", new JsonObject().put("exerciseRecordId", squat).put("setId", "s1")
        .put("reps", 8).put("weight", 60).put("unit", "kg"));
    JsonObject rpe = traineeSocket.command(sessionId, "record-rpe",
        new JsonObject().put("exerciseRecordId", squat).put("setId", "s1").put("rpe", 7.5));
    assertThat(rpe.getString("type")).isEqualTo("ack");
    trainerSocket.command(sessionId, "add-note", new JsonObject().put("text", "knee caves on rep 6"));
    trainerSocket.command(sessionId, "complete-exercise", new JsonObject().put("exerciseRecordId", squat)
        .put("perceivedExertion", 8));
    trainerSocket.command(sessionId, "log-set", new JsonObject().put("exerciseRecordId", bench).put("setId", "b1")
        .put("reps", 5).put("weight", 40));
    JsonObject end = trainerSocket.command(sessionId, "end-session", new JsonObject().put("status", "completed"));
    assertThat(end.getLong("seq")).isEqualTo(7);

    List<JsonObject> seenByTrainer = trainerSocket.events(sessionId, 7);
    List<JsonObject> seenByTrainee = traineeSocket.events(sessionId, 7);
    List<JsonObject> seenByDisplay = displaySocket.events(sessionId, 7);
    assertThat(names(seenByTrainer)).containsExactly("exercise-started", "set-logged", "rpe-recorded", "note-added",
        "exercise-completed", "set-logged", "session-ended");
    assertThat(seqs(seenByTrainer)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(seqs(seenByTrainee)).isEqualTo(seqs(seenByTrainer));
    assertThat(names(seenByTrainee)).isEqualTo(names(seenByTrainer));
    assertThat(seqs(seenByDisplay)).isEqualTo(seqs(seenByTrainer));
    assertThat(seenByTrainer.get(3).getJsonObject("payload").getString("text")).isEqualTo("knee caves on rep 6");
    assertThat(seenByTrainee.get(3).getJsonObject("payload").containsKey("text")).isFalse();
    assertThat(seenByDisplay.get(3).getJsonObject("payload").containsKey("text")).isFalse();

    JsonObject after = trainer.api().get("/session-records/" + sessionId).json();
    assertThat(after.getString("status")).isEqualTo("completed");
    assertThat(after.getString("endTime")).isNotNull();
    assertThat(after.getString("trainerNotes")).isEqualTo("knee caves on rep 6");
    JsonObject squatAfter = after.getJsonArray("exercises").getJsonObject(0);
    assertThat(squatAfter.getBoolean("completed")).isTrue();
    assertThat(squatAfter.getInteger("perceivedExertion")).isEqualTo(8);
    JsonArray sets = squatAfter.getJsonArray("sets");
    assertThat(sets).hasSize(1);
    assertThat(sets.getJsonObject(0).getDouble("rpe")).isEqualTo(7.5);
    assertThat(sets.getJsonObject(0).getInteger("reps")).isEqualTo(8);
    assertThat(after.getJsonArray("exercises").getJsonObject(1).getJsonArray("sets")).hasSize(1);

    JsonObject late = trainerSocket.command(sessionId, "log-set",
        new JsonObject().put("exerciseRecordId", bench).put("setId", "b2").put("reps", 5));
    assertThat(late.getString("code")).isEqualTo("session-ended");
  }

  private static List<String> names(List<JsonObject> events) {
    return events.stream().map(e -> e.getString("name")).toList();
  }

  private static List<Long> seqs(List<JsonObject> events) {
    return events.stream().map(e -> e.getLong("seq")).toList();
  }
}
