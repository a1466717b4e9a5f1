package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.LiveClient;
import io.vertx.core.json.JsonObject;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LiveTimerTest extends LiveTest {
  private static final Predicate<JsonObject> FINISHED =
      m -> "event".equals(m.getString("type")) && "timer-finished".equals(m.getString("name"));

  @Test
  @DisplayName("start-timer sets absolute server deadlines; timer-finished reaches every subscriber once, at endsAt")
  void finishesOnce() {
    startSession();
    LiveClient trainerSocket = trainerSocket(stack.port);
    LiveClient traineeSocket = traineeSocket(stack.port);
    LiveClient displaySocket = displaySocket(stack.port);
    trainerSocket.subscribe(sessionId, null);
    traineeSocket.subscribe(sessionId, null);
    displaySocket.subscribe(sessionId, null);

    long before = System.currentTimeMillis();
    long seq = ack(trainerSocket, "start-timer", new JsonObject().put("durationSeconds", 1).put("label", "Rest")
        .put("exerciseRecordId", squat));
    long after = System.currentTimeMillis();

    JsonObject started = trainerSocket.events(sessionId, 1).get(0);
    assertThat(started.getString("name")).isEqualTo("timer-started");
    JsonObject timer = started.getJsonObject("payload").getJsonObject("timer");
    assertThat(timer.getLong("startedAt")).isBetween(before, after);
    assertThat(timer.getLong("endsAt")).isEqualTo(timer.getLong("startedAt") + 1000);
    assertThat(timer.getBoolean("running")).isTrue();
    assertThat(timer.getString("label")).isEqualTo("Rest");
    assertThat(timer.getString("exerciseRecordId")).isEqualTo(squat);

    for (LiveClient socket : new LiveClient[] {trainerSocket, traineeSocket, displaySocket}) {
      JsonObject finished = socket.next(FINISHED);
      assertThat(finished.getLong("seq")).isEqualTo(seq + 1);
      assertThat(finished.getJsonObject("actor").getString("role")).isEqualTo("server");
      assertThat(finished.getJsonObject("payload").getString("timerId")).isEqualTo(timer.getString("id"));
      assertThat(finished.getLong("serverTime")).as("at about endsAt")
          .isBetween(timer.getLong("endsAt"), timer.getLong("endsAt") + 1000);
    }
    assertThat(trainerSocket.poll(FINISHED, 700)).as("finished once").isNull();
    assertThat(eventRows("timer-finished")).isOne();
    assertThat(traineeSocket.subscribe(sessionId, null).getJsonObject("state").getValue("timer")).isNull();
  }

  @Test
  @DisplayName("a client's command under the server's id for a timer's finish is refused, and the timer still finishes")
  void serverCommandIdReserved() {
    startSession();
    LiveClient trainerSocket = trainerSocket(stack.port);
    trainerSocket.subscribe(sessionId, null);
    ack(trainerSocket, "start-timer", new JsonObject().put("durationSeconds", 1));
    JsonObject timer = trainerSocket.events(sessionId, 1).get(0).getJsonObject("payload").getJsonObject("timer");

    // Applied (or remembered) under this id, the note would answer the server's finish in advance.
    JsonObject answer = trainerSocket.command(sessionId, "timer-finished:" + timer.getString("id"), "add-note",
        new JsonObject().put("text", "early"));

    assertThat(answer.getString("type")).isEqualTo("rejected");
    assertThat(answer.getString("code")).isEqualTo("invalid");
    assertThat(answer.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("commandId");
    JsonObject finished = trainerSocket.next(FINISHED);
    assertThat(finished.getJsonObject("payload").getString("timerId")).isEqualTo(timer.getString("id"));
    assertThat(eventRows("timer-finished")).isOne();
  }

  @Test
  @DisplayName("pause keeps the remaining time, adjust moves it, resume sets a new endsAt, and the timer finishes then")
  void pauseAdjustResume() throws InterruptedException {
    startSession();
    LiveClient trainerSocket = trainerSocket(stack.port);
    trainerSocket.subscribe(sessionId, null);
    ack(trainerSocket, "start-timer", new JsonObject().put("durationSeconds", 60));
    JsonObject started = timerOf(trainerSocket.events(sessionId, 1).get(0));

    Thread.sleep(100);
    ack(trainerSocket, "pause-timer", new JsonObject());
    JsonObject paused = timerOf(trainerSocket.events(sessionId, 1).get(0));
    assertThat(paused.getBoolean("running")).isFalse();
    assertThat(paused.getValue("endsAt")).isNull();
    assertThat(paused.getLong("pausedRemainingMs")).isBetween(55_000L, 59_900L);
    assertThat(paused.getString("id")).isEqualTo(started.getString("id"));

    ack(trainerSocket, "adjust-timer", new JsonObject().put("deltaSeconds", -58));
    JsonObject adjusted = timerOf(trainerSocket.events(sessionId, 1).get(0));
    assertThat(adjusted.getLong("pausedRemainingMs")).isEqualTo(paused.getLong("pausedRemainingMs") - 58_000);
    assertThat(trainerSocket.poll(FINISHED, 300)).as("a paused timer does not finish").isNull();

    long before = System.currentTimeMillis();
    ack(trainerSocket, "resume-timer", new JsonObject());
    JsonObject resumed = timerOf(trainerSocket.events(sessionId, 1).get(0));
    assertThat(resumed.getBoolean("running")).isTrue();
    assertThat(resumed.getValue("pausedRemainingMs")).isNull();
    assertThat(resumed.getLong("endsAt")).isBetween(before + adjusted.getLong("pausedRemainingMs"),
        System.currentTimeMillis() + adjusted.getLong("pausedRemainingMs"));

    ack(trainerSocket, "adjust-timer", new JsonObject().put("deltaSeconds", 1));
    JsonObject moved = timerOf(trainerSocket.events(sessionId, 1).get(0));
    assertThat(moved.getLong("endsAt")).isEqualTo(resumed.getLong("endsAt") + 1000);

    JsonObject finished = trainerSocket.next(FINISHED);
    assertThat(finished.getLong("serverTime")).isBetween(moved.getLong("endsAt"), moved.getLong("endsAt") + 1000);
    assertThat(eventRows("timer-finished")).isOne();
  }

  @Test
  @DisplayName("a cancelled timer is gone and never finishes")
  void cancel() {
    startSession();
    LiveClient trainerSocket = trainerSocket(stack.port);
    trainerSocket.subscribe(sessionId, null);
    ack(trainerSocket, "start-timer", new JsonObject().put("durationSeconds", 1));
    String timerId = timerOf(trainerSocket.events(sessionId, 1).get(0)).getString("id");

    ack(trainerSocket, "cancel-timer", new JsonObject());
    JsonObject cancelled = trainerSocket.events(sessionId, 1).get(0);

    assertThat(cancelled.getString("name")).isEqualTo("timer-cancelled");
    assertThat(cancelled.getJsonObject("payload").getValue("timer")).isNull();
    assertThat(cancelled.getJsonObject("payload").getString("timerId")).isEqualTo(timerId);
    assertThat(trainerSocket.poll(FINISHED, 1_600)).isNull();
    assertThat(eventRows("timer-finished")).isZero();
    assertThat(restRecord().getLong("liveSeq")).isEqualTo(2);
    assertThat(trainerSocket.command(sessionId, "pause-timer", new JsonObject()).getString("code")).isEqualTo("conflict");
  }

  @Test
  @DisplayName("ping is answered with pong carrying the client's time and the server's")
  void clock() {
    startSession();
    LiveClient traineeSocket = traineeSocket(stack.port);
    long before = System.currentTimeMillis();

    traineeSocket.send(new JsonObject().put("type", "ping").put("clientTime", 1_234_567L));
    JsonObject pong = traineeSocket.next(m -> "pong".equals(m.getString("type")));

    assertThat(pong.getLong("clientTime")).isEqualTo(1_234_567L);
    assertThat(pong.getLong("serverTime")).isBetween(before, System.currentTimeMillis());
  }

  private static JsonObject timerOf(JsonObject event) {
    return event.getJsonObject("payload").getJsonObject("timer");
  }
}
