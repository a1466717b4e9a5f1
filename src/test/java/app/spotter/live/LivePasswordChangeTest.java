package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.LiveClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A trainer's password change closes the trainer's other devices' sockets (4401) on every instance. */
class LivePasswordChangeTest extends LiveTwoInstancesTest {

  @Test
  @DisplayName("a password change closes the trainer's sockets of other devices with 4401 on both instances; the changing device's and another trainer's stay")
  void otherDevicesClosed() {
    Scene scene = scene();
    Bystander otherTrainer = bystander();
    String otherDevice = otherDeviceToken(scene);
    LiveClient callers = trainerSocket(scene);
    LiveClient here = open(LiveClient.connect(stack)).hello(otherDevice, "trainer-tablet");
    LiveClient there = open(second.connect()).hello(otherDevice, "trainer-tablet");

    assertThat(changePassword(scene)).isEqualTo(204);

    assertThat(here.awaitClose(2_000)).isEqualTo((short) 4401);
    assertThat(there.awaitClose(2_000)).isEqualTo((short) 4401);
    assertThat(callers.isClosed()).isFalse();
    assertThat(callers.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1")).getString("type"))
        .isEqualTo("ack");
    otherTrainer.assertUnaffected();
  }

  @Test
  @DisplayName("after a password change a hello with a token issued before it gets error unauthorized and 4401, on both instances")
  void oldTokenRefusedAtHello() {
    Scene scene = scene();
    String otherDevice = otherDeviceToken(scene);
    // Each instance has accepted the token before the change (and may remember its password version).
    LiveClient here = open(LiveClient.connect(stack)).hello(otherDevice, "trainer-tablet");
    LiveClient there = open(second.connect()).hello(otherDevice, "trainer-tablet");

    assertThat(changePassword(scene)).isEqualTo(204);
    assertThat(here.awaitClose(2_000)).isEqualTo((short) 4401);
    assertThat(there.awaitClose(2_000)).isEqualTo((short) 4401);

    for (String old : new String[] {otherDevice, scene.trainer().api().token()}) {
      for (LiveClient fresh : new LiveClient[] {open(LiveClient.connect(stack)), open(second.connect())}) {
        fresh.send(new JsonObject().put("type", "hello").put("token", old).put("device", "trainer-tablet"));
        assertThat(fresh.next().getString("code")).isEqualTo("unauthorized");
        assertThat(fresh.awaitClose(2_000)).isEqualTo((short) 4401);
      }
    }
  }

  private String otherDeviceToken(Scene scene) {
    return anonymous.post("/auth/login", new JsonObject().put("email", scene.trainer().email()).put("password", PASSWORD))
        .json().getString("accessToken");
  }

  private int changePassword(Scene scene) {
    return scene.trainer().api().post("/me/password",
        new JsonObject().put("currentPassword", PASSWORD).put("newPassword", "a brand new password")).status();
  }
}
