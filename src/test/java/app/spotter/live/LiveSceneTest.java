package app.spotter.live;

import static app.spotter.support.LiveFixtures.exerciseId;
import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.LiveClient;
import app.spotter.support.LiveFixtures;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** Base of live-socket tests: a running session to poke at, and every socket opened closed afterwards. */
abstract class LiveSceneTest extends ApiTest {
  private final List<AutoCloseable> opened = new ArrayList<>();

  /** A trainer's live session of Squat and Bench for one trainee. */
  record Scene(Trainer trainer, String traineeId, String sessionId, String squat, String bench) {
    JsonObject logSet(String exerciseId, String setId) {
      return new JsonObject().put("exerciseRecordId", exerciseId).put("setId", setId).put("reps", 8).put("weight", 60);
    }
  }

  @AfterEach
  void closeOpened() throws Exception {
    for (AutoCloseable c : opened) {
      c.close();
    }
  }

  protected <T extends AutoCloseable> T open(T closeable) {
    opened.add(closeable);
    return closeable;
  }

  Scene scene() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Maria Lopez");
    JsonObject record = LiveFixtures.start(trainer, traineeId, LiveFixtures.template(trainer, "Squat", "Bench"));
    return new Scene(trainer, traineeId, record.getString("id"), exerciseId(record, 0), exerciseId(record, 1));
  }

  LiveClient trainerSocket(Scene scene) {
    return open(LiveClient.connect(stack)).hello(scene.trainer().api().token(), "trainer-tablet");
  }

  /** Rows in the durable event log of one session. */
  long eventRows(String sessionId) {
    return stack.count("SELECT count(*) FROM live_session_event WHERE session_record_id = '"
        + UUID.fromString(sessionId) + "'");
  }

  JsonObject record(Scene scene) {
    return scene.trainer().api().get("/session-records/" + scene.sessionId()).json();
  }

  /** Another trainer's session, watched by its trainer's socket while a test misbehaves elsewhere. */
  record Bystander(Scene scene, LiveClient socket) {
    /** Its command is acked as the session's first event and its subscriber hears it, with nothing else before. */
    void assertUnaffected() {
      JsonObject ack = socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "b-1"));
      assertThat(ack.getString("type")).isEqualTo("ack");
      assertThat(ack.getLong("seq")).isEqualTo(1);
      JsonObject event = socket.next(m -> !"presence".equals(m.getString("type")));
      assertThat(event.getString("type")).isEqualTo("event");
      assertThat(event.getLong("seq")).isEqualTo(1);
    }
  }

  Bystander bystander() {
    Scene other = scene();
    LiveClient socket = trainerSocket(other);
    assertThat(socket.subscribe(other.sessionId(), null).getString("type")).isEqualTo("snapshot");
    return new Bystander(other, socket);
  }

  static List<String> errorFields(JsonObject rejected) {
    return rejected.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")).toList();
  }
}
