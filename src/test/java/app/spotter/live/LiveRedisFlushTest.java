package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.LiveClient;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LiveRedisFlushTest extends LiveTest {

  @Test
  @DisplayName("after FLUSHALL mid-session commands still ack, subscribers, snapshots and resumes get gap-free data from Postgres")
  void flushMidSession() {
    startSession();
    LiveClient trainerSocket = trainerSocket(stack.port);
    LiveClient traineeSocket = traineeSocket(stack.port);
    trainerSocket.subscribe(sessionId, null);
    traineeSocket.subscribe(sessionId, null);
    ack(trainerSocket, "start-exercise", new JsonObject().put("exerciseRecordId", squat));
    ack(trainerSocket, "log-set", set(squat, "s1", 8));
    ack(trainerSocket, "log-set", set(squat, "s2", 8));
    assertThat(seqs(traineeSocket.events(sessionId, 3))).containsExactly(1L, 2L, 3L);

    flushRedis();

    assertThat(ack(trainerSocket, "log-set", set(squat, "s3", 7))).isEqualTo(4);
    assertThat(ack(trainerSocket, "log-set", set(squat, "s4", 6))).isEqualTo(5);
    assertThat(seqs(traineeSocket.events(sessionId, 2))).containsExactly(4L, 5L);
    assertThat(seqs(trainerSocket.events(sessionId, 5))).isEqualTo(range(1, 5));

    LiveClient newcomer = traineeSocket(stack.port);
    JsonObject snapshot = newcomer.subscribe(sessionId, null);
    assertThat(snapshot.getLong("seq")).isEqualTo(5);
    assertThat(snapshot.getJsonObject("state").getJsonObject("record").getJsonArray("exercises").getJsonObject(0)
        .getJsonArray("sets")).hasSize(4);
    assertThat(snapshot.getJsonObject("state").getString("currentExerciseRecordId")).isEqualTo(squat);

    LiveClient resumer = traineeSocket(stack.port);
    resumer.send(new JsonObject().put("type", "subscribe").put("sessionId", sessionId).put("afterSeq", 1));
    List<JsonObject> replay = stream(resumer, 5);
    assertThat(seqs(replay.subList(0, 4))).as("2..3 only Postgres still has").containsExactly(2L, 3L, 4L, 5L);
    assertThat(replay.get(4).getString("type")).isEqualTo("subscribed");
    assertThat(replay.get(4).getLong("seq")).isEqualTo(5);

    ack(trainerSocket, "log-set", set(squat, "s5", 5));
    for (LiveClient socket : List.of(traineeSocket, newcomer, resumer)) {
      assertThat(socket.events(sessionId, 1).get(0).getLong("seq")).isEqualTo(6);
    }
    assertThat(restSetIds(0)).containsExactly("s1", "s2", "s3", "s4", "s5");
  }

  @Test
  @DisplayName("a running timer whose Redis deadline was flushed still finishes once, found by the Postgres safety scan")
  void flushedTimerDeadline() {
    startSession();
    ExtraInstance scanner = open(ExtraInstance.start(Map.of("SPOTTER_LIVE_TIMER_SCAN", "PT0.5S")));
    LiveClient trainerSocket = trainerSocket(scanner.port);
    trainerSocket.subscribe(sessionId, null);
    ack(trainerSocket, "start-timer", new JsonObject().put("durationSeconds", 1));
    JsonObject timer = trainerSocket.events(sessionId, 1).get(0).getJsonObject("payload").getJsonObject("timer");
    awaitDeadlineInRedis(timer.getString("id"));

    flushRedis();

    JsonObject finished = trainerSocket.next(m -> "timer-finished".equals(m.getString("name")));
    assertThat(finished.getJsonObject("payload").getString("timerId")).isEqualTo(timer.getString("id"));
    assertThat(finished.getLong("serverTime")).as("overdue by one scan interval, found within the next")
        .isBetween(timer.getLong("endsAt") + 500, timer.getLong("endsAt") + 2_000);
    assertThat(trainerSocket.poll(m -> "timer-finished".equals(m.getString("name")), 1_000)).isNull();
    assertThat(eventRows("timer-finished")).isOne();
  }

  @Test
  @DisplayName("an instance that starts after Redis lost the deadlines puts them back: the timer finishes at its end,"
      + " not at a later safety scan")
  void deadlinesRestoredAtStart() {
    startSession();
    LiveClient trainerSocket = trainerSocket(stack.port);
    trainerSocket.subscribe(sessionId, null);
    ack(trainerSocket, "start-timer", new JsonObject().put("durationSeconds", 3));
    JsonObject timer = trainerSocket.events(sessionId, 1).get(0).getJsonObject("payload").getJsonObject("timer");
    awaitDeadlineInRedis(timer.getString("id"));

    flushRedis(); // as a restart of a Redis that keeps nothing on disk
    open(ExtraInstance.start(Map.of("SPOTTER_LIVE_TIMER_SCAN", "PT30S")));
    awaitDeadlineInRedis(timer.getString("id"));

    JsonObject finished = trainerSocket.next(m -> "timer-finished".equals(m.getString("name")));
    assertThat(finished.getLong("serverTime")).as("at endsAt; the shared instance's scan would be 5 s or more late")
        .isBetween(timer.getLong("endsAt"), timer.getLong("endsAt") + 1_000);
    assertThat(eventRows("timer-finished")).isOne();
  }

  @Test
  @DisplayName("while instances cannot reach Redis commands still ack; once it is back every subscriber gets what it missed")
  void redisUnreachable() {
    startSession();
    ExtraInstance a = open(ExtraInstance.start(Map.of()));
    ExtraInstance b = open(ExtraInstance.start(Map.of()));
    LiveClient trainerOnA = trainerSocket(a.port);
    LiveClient traineeOnB = traineeSocket(b.port);
    traineeOnB.subscribe(sessionId, null);
    ack(trainerOnA, "log-set", set(squat, "s1", 8));
    assertThat(seqs(traineeOnB.events(sessionId, 1))).containsExactly(1L);

    a.redisRoad.cut();
    b.redisRoad.cut();
    assertThat(ack(trainerOnA, "log-set", set(squat, "s2", 8))).isEqualTo(2);
    assertThat(ack(trainerOnA, "log-set", set(squat, "s3", 8))).isEqualTo(3);
    a.redisRoad.heal();
    b.redisRoad.heal();

    assertThat(seqs(traineeOnB.events(sessionId, 2))).containsExactly(2L, 3L);
    assertThat(restSetIds(0)).containsExactly("s1", "s2", "s3");
  }

  @Test
  @DisplayName("a Redis that keeps connections open but never answers: commands are still acked")
  void redisHangs() {
    startSession();
    ExtraInstance a = open(ExtraInstance.start(Map.of()));
    LiveClient trainerOnA = trainerSocket(a.port);
    ack(trainerOnA, "log-set", set(squat, "s1", 8));

    a.redisRoad.stall();
    assertThat(ack(trainerOnA, "log-set", set(squat, "s2", 8))).isEqualTo(2);
    assertThat(ack(trainerOnA, "log-set", set(squat, "s3", 8))).isEqualTo(3);
    assertThat(restSetIds(0)).containsExactly("s1", "s2", "s3");
  }

  @Test
  @DisplayName("events committed on an instance cut off from Redis reach the other instance's subscribers once it is back")
  void oneInstanceCutOff() {
    startSession();
    ExtraInstance a = open(ExtraInstance.start(Map.of()));
    LiveClient trainerOnA = trainerSocket(a.port);
    LiveClient traineeOnB = traineeSocket(stack.port);
    traineeOnB.subscribe(sessionId, null);

    a.redisRoad.cut();
    assertThat(ack(trainerOnA, "log-set", set(squat, "s1", 8))).isEqualTo(1);
    a.redisRoad.heal();

    assertThat(seqs(traineeOnB.events(sessionId, 1))).containsExactly(1L);
  }

  private void flushRedis() {
    stack.redis().send(Request.cmd(Command.FLUSHALL)).await();
  }
}
