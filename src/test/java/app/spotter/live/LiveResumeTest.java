package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.LiveClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LiveResumeTest extends LiveTest {

  @Test
  @DisplayName("a trainee who dropped and resubscribes with afterSeq gets exactly the three missed events, then subscribed, then live events")
  void resumeAfterDrop() {
    startSession();
    LiveClient trainerSocket = trainerSocket(stack.port);
    LiveClient traineeSocket = traineeSocket(stack.port);
    traineeSocket.subscribe(sessionId, null);
    ack(trainerSocket, "start-exercise", new JsonObject().put("exerciseRecordId", squat));
    long lastSeen = traineeSocket.events(sessionId, 1).get(0).getLong("seq");
    traineeSocket.close();

    ack(trainerSocket, "log-set", set(squat, "s1", 8));
    ack(trainerSocket, "log-set", set(squat, "s2", 7));
    ack(trainerSocket, "log-set", set(squat, "s3", 6));

    LiveClient back = traineeSocket(stack.port);
    back.send(new JsonObject().put("type", "subscribe").put("sessionId", sessionId).put("afterSeq", lastSeen));
    List<JsonObject> replay = stream(back, 4);
    assertThat(names(replay.subList(0, 3))).containsExactly("set-logged", "set-logged", "set-logged");
    assertThat(seqs(replay.subList(0, 3))).containsExactly(2L, 3L, 4L);
    assertThat(replay.subList(0, 3).stream().map(e -> e.getJsonObject("payload").getJsonObject("set").getString("id")))
        .containsExactly("s1", "s2", "s3");
    assertThat(replay.get(3)).isEqualTo(new JsonObject().put("type", "subscribed").put("sessionId", sessionId)
        .put("seq", 4).put("recovered", true));

    assertThat(ack(trainerSocket, "log-set", set(squat, "s4", 5))).isEqualTo(5);
    JsonObject live = stream(back, 1).get(0);
    assertThat(live.getString("name")).isEqualTo("set-logged");
    assertThat(live.getLong("seq")).isEqualTo(5);
    assertThat(back.poll(m -> "event".equals(m.getString("type")), 300)).as("no event twice").isNull();
  }

  @Test
  @DisplayName("afterSeq equal to the current seq replays nothing and answers subscribed at that seq")
  void resumeUpToDate() {
    startSession();
    LiveClient trainerSocket = trainerSocket(stack.port);
    ack(trainerSocket, "log-set", set(squat, "s1", 8));
    ack(trainerSocket, "log-set", set(squat, "s2", 8));

    LiveClient traineeSocket = traineeSocket(stack.port);
    assertThat(traineeSocket.subscribe(sessionId, 2L)).isEqualTo(new JsonObject().put("type", "subscribed")
        .put("sessionId", sessionId).put("seq", 2).put("recovered", true));
    assertThat(traineeSocket.poll(m -> "event".equals(m.getString("type")), 200)).isNull();
  }

  @Test
  @DisplayName("afterSeq beyond the session's seq gets a snapshot at the current seq instead")
  void resumeFromTheFuture() {
    startSession();
    LiveClient trainerSocket = trainerSocket(stack.port);
    ack(trainerSocket, "log-set", set(squat, "s1", 8));

    LiveClient traineeSocket = traineeSocket(stack.port);
    JsonObject answer = traineeSocket.subscribe(sessionId, 40L);

    assertThat(answer.getString("type")).isEqualTo("snapshot");
    assertThat(answer.getLong("seq")).isEqualTo(1);
    assertThat(answer.getJsonObject("state").getJsonObject("record").getJsonArray("exercises").getJsonObject(0)
        .getJsonArray("sets")).hasSize(1);
  }

  @Test
  @DisplayName("a snapshot's seq is that of the last event its state reflects, and the next event is seq + 1")
  void snapshotThenEvents() {
    startSession();
    LiveClient trainerSocket = trainerSocket(stack.port);
    ack(trainerSocket, "start-exercise", new JsonObject().put("exerciseRecordId", squat));
    ack(trainerSocket, "log-set", set(squat, "s1", 8));
    ack(trainerSocket, "log-set", set(bench, "b1", 5));
    long timerSeq = ack(trainerSocket, "start-timer", new JsonObject().put("durationSeconds", 90).put("label", "Rest"));

    LiveClient traineeSocket = traineeSocket(stack.port);
    JsonObject snapshot = traineeSocket.subscribe(sessionId, null);

    assertThat(snapshot.getString("type")).isEqualTo("snapshot");
    assertThat(snapshot.getLong("seq")).isEqualTo(timerSeq).isEqualTo(4);
    JsonObject state = snapshot.getJsonObject("state");
    JsonArray exercises = state.getJsonObject("record").getJsonArray("exercises");
    JsonObject s1 = exercises.getJsonObject(0).getJsonArray("sets").getJsonObject(0);
    assertThat(s1.getString("id")).isEqualTo("s1");
    assertThat(s1.getInteger("reps")).isEqualTo(8);
    assertThat(s1.getInteger("number")).isEqualTo(1);
    assertThat(exercises.getJsonObject(1).getJsonArray("sets").getJsonObject(0).getString("id")).isEqualTo("b1");
    assertThat(state.getString("currentExerciseRecordId")).as("log-set makes its exercise current").isEqualTo(bench);
    JsonObject timer = state.getJsonObject("timer");
    assertThat(timer.getString("label")).isEqualTo("Rest");
    assertThat(timer.getBoolean("running")).isTrue();
    assertThat(timer.getLong("endsAt") - timer.getLong("startedAt")).isEqualTo(90_000);
    assertThat(timer.getValue("pausedRemainingMs")).isNull();
    assertThat(state.getJsonObject("record").containsKey("trainerNotes")).isFalse();

    assertThat(ack(trainerSocket, "log-set", set(bench, "b2", 5))).isEqualTo(5);
    JsonObject next = traineeSocket.events(sessionId, 1).get(0);
    assertThat(next.getLong("seq")).isEqualTo(snapshot.getLong("seq") + 1);
  }

  @Test
  @DisplayName("subscribers joining while commands stream in each see every event once, gap-free, up to the last")
  void joinDuringCommands() throws Exception {
    startSession();
    LiveClient trainerSocket = trainerSocket(stack.port);
    String token = trainer.api().token();
    int commands = 24;
    Thread sender = new Thread(() -> {
      for (int i = 1; i <= commands; i++) {
        ack(trainerSocket, "log-set", set(squat, "s" + i, i));
      }
    });
    sender.start();
    List<LiveClient> joiners = new java.util.ArrayList<>();
    List<JsonObject> snapshots = new java.util.ArrayList<>();
    while (sender.isAlive() || joiners.size() < 6) {
      LiveClient joiner = open(LiveClient.connect(stack)).hello(token, "other");
      snapshots.add(joiner.subscribe(sessionId, null));
      joiners.add(joiner);
    }
    sender.join();

    for (int i = 0; i < joiners.size(); i++) {
      long from = snapshots.get(i).getLong("seq");
      List<JsonObject> events = joiners.get(i).events(sessionId, (int) (commands - from));
      assertThat(seqs(events)).as("joiner %d after snapshot at %d", i, from).isEqualTo(range(from + 1, commands));
      assertThat(snapshots.get(i).getJsonObject("state").getJsonObject("record").getJsonArray("exercises")
          .getJsonObject(0).getJsonArray("sets")).hasSize((int) from);
      assertThat(joiners.get(i).poll(m -> "event".equals(m.getString("type")), 50)).isNull();
    }
  }
}
