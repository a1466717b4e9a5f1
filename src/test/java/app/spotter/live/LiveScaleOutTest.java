package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.live.command.LiveEvent;
import app.spotter.live.fanout.RedisKeys;
import app.spotter.live.view.LiveViews;
import app.spotter.support.LiveClient;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two instances sharing Postgres and Redis: A is an {@link ExtraInstance} that can crash, B the test stack's. */
class LiveScaleOutTest extends LiveTest {
  private static final Predicate<JsonObject> FINISHED =
      m -> "event".equals(m.getString("type")) && "timer-finished".equals(m.getString("name"));

  @Test
  @DisplayName("trainer on A, trainee and display on B see the same events; A dies mid-burst, the trainer resumes on B and no acked set is lost")
  void instanceDiesMidSession() {
    startSession();
    ExtraInstance a = open(ExtraInstance.start(Map.of()));
    LiveClient trainerOnA = trainerSocket(a.port);
    LiveClient traineeOnB = traineeSocket(stack.port);
    LiveClient displayOnB = displaySocket(stack.port);
    trainerOnA.subscribe(sessionId, null);
    traineeOnB.subscribe(sessionId, null);
    displayOnB.send(new JsonObject().put("type", "subscribe-display"));
    assertThat(displayOnB.next(m -> "snapshot".equals(m.getString("type"))).getLong("seq")).isZero();

    ack(trainerOnA, "start-exercise", new JsonObject().put("exerciseRecordId", squat));
    ack(trainerOnA, "log-set", set(squat, "s1", 8));
    ack(trainerOnA, "log-set", set(squat, "s2", 8));
    ack(traineeOnB, "record-rpe", new JsonObject().put("exerciseRecordId", squat).put("setId", "s1").put("rpe", 8));
    ack(trainerOnA, "add-note", new JsonObject().put("text", "good depth"));
    ack(trainerOnA, "start-timer", new JsonObject().put("durationSeconds", 90));
    List<JsonObject> trainerSaw = new ArrayList<>(trainerOnA.events(sessionId, 6));
    List<JsonObject> traineeSaw = new ArrayList<>(traineeOnB.events(sessionId, 6));
    List<JsonObject> displaySaw = new ArrayList<>(displayOnB.events(sessionId, 6));
    assertThat(seqs(trainerSaw)).isEqualTo(range(1, 6));
    assertThat(traineeSaw).as("the trainee sees what the trainer sees, less trainer notes")
        .isEqualTo(trainerSaw.stream().map(e -> LiveViews.event(app.spotter.auth.Role.TRAINEE, e)).toList());
    assertThat(seqs(displaySaw)).isEqualTo(seqs(trainerSaw));
    assertThat(names(displaySaw)).isEqualTo(names(trainerSaw));

    Map<String, String> burst = new LinkedHashMap<>();
    for (int i = 1; i <= 10; i++) {
      String commandId = UUID.randomUUID().toString();
      burst.put(commandId, "b" + i);
      trainerOnA.send(command(commandId, set(bench, "b" + i, i)));
    }
    JsonObject firstAck = trainerOnA.next(m -> "ack".equals(m.getString("type")));
    a.crash();

    List<String> acked = new ArrayList<>(List.of(burst.get(firstAck.getString("commandId"))));
    for (JsonObject m = trainerOnA.poll(m1 -> true, 200); m != null; m = trainerOnA.poll(m1 -> true, 100)) {
      if ("ack".equals(m.getString("type"))) {
        acked.add(burst.get(m.getString("commandId")));
      } else if ("event".equals(m.getString("type"))) {
        trainerSaw.add(m);
      }
    }
    long lastSeen = trainerSaw.get(trainerSaw.size() - 1).getLong("seq");

    LiveClient trainerOnB = trainerSocket(stack.port);
    trainerOnB.send(new JsonObject().put("type", "subscribe").put("sessionId", sessionId).put("afterSeq", lastSeen));
    for (JsonObject m = stream(trainerOnB, 1).get(0); !"subscribed".equals(m.getString("type"));
        m = stream(trainerOnB, 1).get(0)) {
      trainerSaw.add(m);
    }
    // The client resends every command it has no ack for, with the same commandId.
    burst.forEach((commandId, setId) -> {
      if (!acked.contains(setId)) {
        JsonObject answer = trainerOnB.command(sessionId, commandId, "log-set", set(bench, setId, 1));
        assertThat(answer.getString("type")).as(answer.encode()).isEqualTo("ack");
      }
    });
    ack(trainerOnB, "log-set", set(bench, "after", 3));
    long last = ack(trainerOnB, "end-session", new JsonObject().put("status", "completed"));
    assertThat(last).isEqualTo(6 + 10 + 2);
    trainerSaw.addAll(trainerOnB.events(sessionId, (int) (last - trainerSaw.size())));
    traineeSaw.addAll(traineeOnB.events(sessionId, (int) last - 6));
    displaySaw.addAll(displayOnB.events(sessionId, (int) last - 6));

    assertThat(seqs(trainerSaw)).isEqualTo(range(1, last));
    assertThat(seqs(traineeSaw)).isEqualTo(range(1, last));
    assertThat(seqs(displaySaw)).isEqualTo(range(1, last));
    assertThat(names(traineeSaw)).isEqualTo(names(trainerSaw));
    assertThat(names(displaySaw)).isEqualTo(names(trainerSaw));
    assertThat(restSetIds(1)).containsExactly("b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9", "b10", "after");
    assertThat(restSetIds(1)).containsAll(acked);
    assertThat(eventRows("set-logged")).isEqualTo(2 + 10 + 1);
  }

  @Test
  @DisplayName("an event from an instance of the previous release (plain JSON on Redis) reaches subscribers in order, through the role filter")
  void previousReleaseEvent() {
    startSession();
    LiveClient trainee = traineeSocket(stack.port);
    trainee.subscribe(sessionId, null);
    JsonObject note = new LiveEvent(UUID.fromString(sessionId), 1, "note-added", new JsonObject().put("text", "private"),
        System.currentTimeMillis(), "trainer", UUID.randomUUID()).toJson();

    stack.redis().send(Request.cmd(Command.PUBLISH).arg(RedisKeys.sessionChannel(UUID.fromString(sessionId)))
        .arg(note.encode())).await();

    JsonObject received = trainee.events(sessionId, 1).get(0);
    assertThat(received.getLong("seq")).isEqualTo(1);
    assertThat(received.getString("name")).isEqualTo("note-added");
    assertThat(received.getJsonObject("payload").containsKey("text")).as("trainer-private").isFalse();
  }

  @Test
  @DisplayName("a timer started on A finishes exactly once, on time, while A is dead: B claims its deadline from Redis")
  void timerOfDeadInstance() {
    startSession();
    ExtraInstance a = open(ExtraInstance.start(Map.of()));
    LiveClient trainerOnA = trainerSocket(a.port);
    LiveClient traineeOnB = traineeSocket(stack.port);
    traineeOnB.subscribe(sessionId, null);
    ack(trainerOnA, "start-timer", new JsonObject().put("durationSeconds", 1));
    JsonObject timer = traineeOnB.events(sessionId, 1).get(0).getJsonObject("payload").getJsonObject("timer");
    awaitDeadlineInRedis(timer.getString("id"));

    a.crash();

    JsonObject finished = traineeOnB.next(FINISHED);
    assertThat(finished.getJsonObject("payload").getString("timerId")).isEqualTo(timer.getString("id"));
    assertThat(finished.getLong("serverTime")).as("on time: the Redis deadline, not the 5 s safety scan")
        .isBetween(timer.getLong("endsAt"), timer.getLong("endsAt") + 1_000);
    assertThat(traineeOnB.poll(FINISHED, 1_000)).isNull();
    assertThat(eventRows("timer-finished")).isOne();
  }

  @Test
  @DisplayName("an instance stopped gracefully tells its clients to reconnect (close 1012); they resume on the other")
  void gracefulStop() {
    startSession();
    ExtraInstance a = open(ExtraInstance.start(Map.of()));
    LiveClient trainerOnA = trainerSocket(a.port);
    trainerOnA.subscribe(sessionId, null);
    ack(trainerOnA, "log-set", set(squat, "s1", 8));
    long lastSeen = trainerOnA.events(sessionId, 1).get(0).getLong("seq");

    a.close();

    assertThat(trainerOnA.next(m -> "reconnect".equals(m.getString("type"))).getString("reason")).isNotBlank();
    assertThat(trainerOnA.awaitClose(2_000)).isEqualTo((short) 1012);
    LiveClient trainerOnB = trainerSocket(stack.port);
    assertThat(trainerOnB.subscribe(sessionId, lastSeen).getString("type")).isEqualTo("subscribed");
    assertThat(ack(trainerOnB, "log-set", set(squat, "s2", 8))).isEqualTo(2);
  }

  private JsonObject command(String commandId, JsonObject payload) {
    return new JsonObject().put("type", "command").put("sessionId", sessionId).put("commandId", commandId)
        .put("name", "log-set").put("payload", payload);
  }
}
