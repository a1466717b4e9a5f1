package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.Api;
import app.spotter.support.LiveClient;
import app.spotter.support.LiveFixtures;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Revoking a credential closes the sockets opened with it at once (4401), on every instance. */
class LiveRevocationTest extends LiveTwoInstancesTest {

  @Test
  @DisplayName("revoking an access link closes its trainee's sockets on both instances with 4401; others stay")
  void accessLinkRevoked() {
    Scene scene = scene();
    JsonObject link = scene.trainer().api().post("/trainees/" + scene.traineeId() + "/access-links", new JsonObject())
        .json();
    String token = new Api(stack.baseUrl(), null).post("/trainee-access", new JsonObject().put("token",
        link.getString("token"))).json().getString("accessToken");
    String otherLinkToken = LiveFixtures.traineeToken(scene.trainer(), scene.traineeId());
    LiveClient here = open(LiveClient.connect(stack)).hello(token, "trainee-phone");
    LiveClient there = open(second.connect()).hello(token, "trainee-phone");
    LiveClient otherLink = open(second.connect()).hello(otherLinkToken, "trainee-phone");
    LiveClient trainer = trainerSocket(scene);
    here.subscribe(scene.sessionId(), null);

    assertThat(scene.trainer().api().delete("/trainees/" + scene.traineeId() + "/access-links/" + link.getString("id"))
        .status()).isEqualTo(204);

    assertThat(here.awaitClose(2_000)).isEqualTo((short) 4401);
    assertThat(there.awaitClose(2_000)).isEqualTo((short) 4401);
    assertThat(otherLink.isClosed()).isFalse();
    assertThat(trainer.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1")).getString("type"))
        .isEqualTo("ack");
    JsonObject rpe = new JsonObject().put("exerciseRecordId", scene.squat()).put("setId", "s1").put("rpe", 8);
    assertThat(otherLink.command(scene.sessionId(), "record-rpe", rpe).getString("type")).isEqualTo("ack");

    LiveClient again = open(LiveClient.connect(stack));
    again.send(new JsonObject().put("type", "hello").put("token", token));
    assertThat(again.next().getString("code")).isEqualTo("unauthorized");
    assertThat(again.awaitClose(2_000)).isEqualTo((short) 4401);
  }

  @Test
  @DisplayName("revoking a display closes its sockets on both instances with 4401; another display stays")
  void displayRevoked() {
    Scene scene = scene();
    String token = LiveFixtures.displayToken(scene.trainer());
    String displayId = scene.trainer().api().get("/displays").items().getJsonObject(0).getString("id");
    LiveClient otherDisplay = open(second.connect()).hello(LiveFixtures.displayToken(scene.trainer()), "wall-display");
    LiveClient here = open(LiveClient.connect(stack)).hello(token, "wall-display");
    LiveClient there = open(second.connect()).hello(token, "wall-display");
    there.send(new JsonObject().put("type", "subscribe-display"));
    there.next(m -> "snapshot".equals(m.getString("type")));

    assertThat(scene.trainer().api().delete("/displays/" + displayId).status()).isEqualTo(204);

    assertThat(here.awaitClose(2_000)).isEqualTo((short) 4401);
    assertThat(there.awaitClose(2_000)).isEqualTo((short) 4401);
    assertThat(otherDisplay.isClosed()).isFalse();
    otherDisplay.send(new JsonObject().put("type", "ping").put("clientTime", 1));
    assertThat(otherDisplay.next(m -> "pong".equals(m.getString("type"))).getLong("clientTime")).isEqualTo(1);
  }
}
