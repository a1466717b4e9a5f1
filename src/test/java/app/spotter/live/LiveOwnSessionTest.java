package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.Api;
import app.spotter.support.LiveClient;
import app.spotter.support.LiveFixtures;
import io.vertx.core.json.JsonObject;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** subscribe-own: a trainee's phone is pushed its own sessions as they start, on any instance, and no one else's. */
class LiveOwnSessionTest extends LiveTwoInstancesTest {
  private static final Predicate<JsonObject> SNAPSHOT = m -> "snapshot".equals(m.getString("type"));

  @Test
  @DisplayName("a trainee gets its live session at subscribe-own, then the next one as a snapshot when the trainer starts it")
  void ownSessionsPushed() {
    Scene scene = scene();
    LiveClient phone = open(LiveClient.connect(stack))
        .hello(LiveFixtures.traineeToken(scene.trainer(), scene.traineeId()), "trainee-phone");

    phone.send(new JsonObject().put("type", "subscribe-own"));
    JsonObject current = phone.next(SNAPSHOT);
    assertThat(current.getString("sessionId")).isEqualTo(scene.sessionId());
    assertThat(current.getJsonObject("state").getJsonObject("record").containsKey("trainerNotes")).isFalse();

    LiveClient trainer = trainerSocket(scene);
    trainer.command(scene.sessionId(), "end-session", new JsonObject().put("status", "completed"));
    assertThat(phone.next(m -> "session-ended".equals(m.getString("name"))).getString("sessionId"))
        .isEqualTo(scene.sessionId());
    String next = start(scene, scene.traineeId());

    JsonObject pushed = phone.next(SNAPSHOT);
    assertThat(pushed.getString("sessionId")).isEqualTo(next);
    assertThat(pushed.getLong("seq")).isZero();
    assertThat(trainer.command(next, "start-exercise", new JsonObject().put("exerciseRecordId", exercise(scene, next)))
        .getString("type")).isEqualTo("ack");
    assertThat(phone.next(m -> "exercise-started".equals(m.getString("name"))).getString("sessionId")).isEqualTo(next);
  }

  @Test
  @DisplayName("a phone on the second instance is pushed a session started through the first")
  void acrossInstances() {
    Scene scene = scene();
    endSession(scene);
    LiveClient phone = open(second.connect())
        .hello(LiveFixtures.traineeToken(scene.trainer(), scene.traineeId()), "trainee-phone");
    phone.send(new JsonObject().put("type", "subscribe-own"));
    assertThat(phone.poll(SNAPSHOT, 300)).as("no live session yet").isNull();

    String started = start(scene, scene.traineeId());

    assertThat(phone.next(SNAPSHOT).getString("sessionId")).isEqualTo(started);
  }

  @Test
  @DisplayName("another trainee's session, of the same trainer, is never pushed, on either instance")
  void othersNeverPushed() {
    Scene scene = scene();
    endSession(scene);
    String other = createTrainee(scene.trainer().api(), "Ana Other");
    String token = LiveFixtures.traineeToken(scene.trainer(), scene.traineeId());
    LiveClient here = open(LiveClient.connect(stack)).hello(token, "trainee-phone");
    LiveClient there = open(second.connect()).hello(token, "trainee-phone");
    here.send(new JsonObject().put("type", "subscribe-own"));
    there.send(new JsonObject().put("type", "subscribe-own"));
    assertThat(here.poll(SNAPSHOT, 300)).isNull();

    String theirs = start(scene, other);
    String mine = start(scene, scene.traineeId());

    assertThat(here.next(SNAPSHOT).getString("sessionId")).isEqualTo(mine);
    assertThat(there.next(SNAPSHOT).getString("sessionId")).isEqualTo(mine);
    assertThat(here.poll(m -> theirs.equals(m.getString("sessionId")), 300)).isNull();
    assertThat(there.poll(m -> theirs.equals(m.getString("sessionId")), 100)).isNull();
  }

  @Test
  @DisplayName("a phone whose link is revoked is closed with 4401 and cannot come back to be pushed the next session")
  void revokedLink() {
    Scene scene = scene();
    endSession(scene);
    JsonObject link = scene.trainer().api().post("/trainees/" + scene.traineeId() + "/access-links", new JsonObject())
        .json();
    String token = new Api(stack.baseUrl(), null).post("/trainee-access", new JsonObject().put("token",
        link.getString("token"))).json().getString("accessToken");
    LiveClient phone = open(second.connect()).hello(token, "trainee-phone");
    phone.send(new JsonObject().put("type", "subscribe-own"));
    assertThat(phone.poll(SNAPSHOT, 200)).isNull();

    scene.trainer().api().delete("/trainees/" + scene.traineeId() + "/access-links/" + link.getString("id"));

    assertThat(phone.awaitClose(2_000)).isEqualTo((short) 4401);
    start(scene, scene.traineeId());
    assertThat(phone.poll(SNAPSHOT, 300)).isNull();
  }

  @Test
  @DisplayName("subscribe-own from a trainer or a display is forbidden")
  void traineesOnly() {
    Scene scene = scene();
    LiveClient trainer = trainerSocket(scene);
    LiveClient display = open(LiveClient.connect(stack)).hello(LiveFixtures.displayToken(scene.trainer()), "wall-display");

    trainer.send(new JsonObject().put("type", "subscribe-own"));
    display.send(new JsonObject().put("type", "subscribe-own"));

    assertThat(trainer.next(m -> "error".equals(m.getString("type"))).getString("code")).isEqualTo("forbidden");
    assertThat(display.next(m -> "error".equals(m.getString("type"))).getString("code")).isEqualTo("forbidden");
    assertThat(trainer.poll(SNAPSHOT, 200)).isNull();
  }

  private String start(Scene scene, String traineeId) {
    return LiveFixtures.start(scene.trainer(), traineeId, LiveFixtures.template(scene.trainer(), "Deadlift")).getString("id");
  }

  private String exercise(Scene scene, String sessionId) {
    return LiveFixtures.exerciseId(scene.trainer().api().get("/session-records/" + sessionId).json(), 0);
  }

  private void endSession(Scene scene) {
    trainerSocket(scene).command(scene.sessionId(), "end-session", new JsonObject().put("status", "completed"));
  }
}
