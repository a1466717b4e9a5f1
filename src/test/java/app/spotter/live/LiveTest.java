package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.LiveClient;
import app.spotter.support.LiveFixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;

/** Base of the live resilience tests: one trainer's live session (Squat, Bench) and sockets closed after each test. */
abstract class LiveTest extends ApiTest {
  private final List<AutoCloseable> opened = new ArrayList<>();
  protected Trainer trainer;
  protected String traineeId;
  protected String sessionId;
  protected String squat;
  protected String bench;

  /** A trainer, their trainee Maria Lopez and a live session of Squat and Bench. */
  protected void startSession() {
    trainer = registerTrainer();
    traineeId = createTrainee(trainer.api(), "Maria Lopez");
    JsonObject record = LiveFixtures.start(trainer, traineeId, LiveFixtures.template(trainer, "Squat", "Bench"));
    sessionId = record.getString("id");
    squat = LiveFixtures.exerciseId(record, 0);
    bench = LiveFixtures.exerciseId(record, 1);
  }

  protected LiveClient trainerSocket(int port) {
    return open(LiveClient.connect(stack.vertx, port)).hello(trainer.api().token(), "trainer-tablet");
  }

  protected LiveClient traineeSocket(int port) {
    return open(LiveClient.connect(stack.vertx, port)).hello(LiveFixtures.traineeToken(trainer, traineeId),
        "trainee-phone");
  }

  protected LiveClient displaySocket(int port) {
    return open(LiveClient.connect(stack.vertx, port)).hello(LiveFixtures.displayToken(trainer), "wall-display");
  }

  /** Closed after the test, last opened first. */
  protected <T extends AutoCloseable> T open(T closeable) {
    opened.add(closeable);
    return closeable;
  }

  @AfterEach
  void closeOpened() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (RuntimeException ignored) {
        // already gone with the instance it was connected to
      }
    }
  }

  /** Sends a command, asserts it was acked and returns the ack's seq. */
  protected long ack(LiveClient client, String name, JsonObject payload) {
    JsonObject answer = client.command(sessionId, name, payload);
    assertThat(answer.getString("type")).as(answer.encode()).isEqualTo("ack");
    return answer.getLong("seq");
  }

  protected static JsonObject set(String exerciseId, String setId, int reps) {
    return new JsonObject().put("exerciseRecordId", exerciseId).put("setId", setId).put("reps", reps).put("weight", 60)
        .put("unit", "kg");
  }

  /** The next {@code count} of this session's events, snapshots and subscribed markers, in arrival order. */
  protected List<JsonObject> stream(LiveClient client, int count) {
    Set<String> types = Set.of("event", "snapshot", "subscribed");
    List<JsonObject> out = new ArrayList<>();
    while (out.size() < count) {
      out.add(client.next(m -> sessionId.equals(m.getString("sessionId")) && types.contains(m.getString("type"))));
    }
    return out;
  }

  /** The session record as the REST API shows it. */
  protected JsonObject restRecord() {
    return trainer.api().get("/session-records/" + sessionId).json();
  }

  /** Set ids of one exercise in the REST record, in order. */
  protected List<String> restSetIds(int exerciseIndex) {
    JsonArray sets = restRecord().getJsonArray("exercises").getJsonObject(exerciseIndex).getJsonArray("sets");
    return sets.stream().map(s -> ((JsonObject) s).getString("id")).toList();
  }

  protected long eventRows(String name) {
    return stack.count("SELECT count(*) FROM live_session_event WHERE session_record_id = '" + sessionId
        + "' AND name = '" + name + "'");
  }

  /** Waits until the timer's deadline is in Redis's deadline set, where every instance can claim it. */
  protected void awaitDeadlineInRedis(String timerId) {
    long deadline = System.currentTimeMillis() + 2_000;
    while (stack.redis().send(Request.cmd(Command.ZSCORE).arg("live:timers").arg(sessionId + "|" + timerId))
        .await() == null) {
      assertThat(System.currentTimeMillis()).as("deadline in Redis").isLessThan(deadline);
    }
  }

  static List<Long> seqs(List<JsonObject> events) {
    return events.stream().map(e -> e.getLong("seq")).toList();
  }

  static List<String> names(List<JsonObject> events) {
    return events.stream().map(e -> e.getString("name")).toList();
  }

  static List<Long> range(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long s = from; s <= to; s++) {
      out.add(s);
    }
    return out;
  }
}
