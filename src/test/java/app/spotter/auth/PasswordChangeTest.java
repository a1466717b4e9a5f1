package app.spotter.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.Api;
import app.spotter.support.ApiTest;
import app.spotter.support.ExtraSpotter;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A password change signs out every other device: their refresh tokens are revoked, and every access
 * token issued before the change is refused. The changing device keeps its refresh token.
 */
class PasswordChangeTest extends ApiTest {
  private static final String NEW_PASSWORD = "a brand new password";

  @Test
  @DisplayName("after a password change every access token issued before it gets 401, the caller's included")
  void oldAccessTokensRefused() {
    Trainer trainer = registerTrainer();
    Api otherDevice = anonymous.as(login(trainer).getString("accessToken"));
    assertThat(otherDevice.get("/me").status()).isEqualTo(200);

    assertThat(changePassword(trainer).status()).isEqualTo(204);

    for (Api old : new Api[] {trainer.api(), otherDevice}) {
      Reply reply = old.get("/trainees");
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.contentType()).isEqualTo("application/problem+json");
    }
  }

  @Test
  @DisplayName("a password change revokes the other devices' refresh tokens; the caller's keeps refreshing, into tokens that work")
  void onlyTheCallersRefreshTokenSurvives() {
    Trainer trainer = registerTrainer();
    String otherRefresh = login(trainer).getString("refreshToken");
    String thirdRefresh = login(trainer).getString("refreshToken");

    assertThat(changePassword(trainer).status()).isEqualTo(204);

    assertThat(refresh(otherRefresh).status()).isEqualTo(401);
    assertThat(refresh(thirdRefresh).status()).isEqualTo(401);
    Reply callers = refresh(trainer.refreshToken());
    assertThat(callers.status()).isEqualTo(200);
    assertThat(anonymous.as(callers.json().getString("accessToken")).get("/me").status()).isEqualTo(200);
    assertThat(refresh(callers.json().getString("refreshToken")).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("a sign-in after the change, with the new password, gets tokens that work")
  void newSignInWorks() {
    Trainer trainer = registerTrainer();
    assertThat(changePassword(trainer).status()).isEqualTo(204);

    Reply login = anonymous.post("/auth/login", new JsonObject().put("email", trainer.email()).put("password", NEW_PASSWORD));

    assertThat(login.status()).isEqualTo(200);
    assertThat(anonymous.as(login.json().getString("accessToken")).get("/me").status()).isEqualTo(200);
    assertThat(refresh(login.json().getString("refreshToken")).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("another instance that has just accepted an old token refuses it as soon as it hears of the change")
  void otherInstanceHearsOfTheChange() {
    try (ExtraSpotter second = ExtraSpotter.start(Map.of())) {
      Trainer trainer = registerTrainer();
      Api there = new Api(second.baseUrl(), trainer.api().token());
      assertThat(there.get("/me").status()).isEqualTo(200);

      assertThat(changePassword(trainer).status()).isEqualTo(204);

      // Well inside PasswordVersions.STALENESS: only the Redis notice can make this pass.
      Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
          .until(() -> there.get("/me").status() == 401);
    }
  }

  private Reply changePassword(Trainer trainer) {
    return trainer.api().post("/me/password",
        new JsonObject().put("currentPassword", PASSWORD).put("newPassword", NEW_PASSWORD));
  }

  private JsonObject login(Trainer trainer) {
    Reply reply = anonymous.post("/auth/login", new JsonObject().put("email", trainer.email()).put("password", PASSWORD));
    assertThat(reply.status()).isEqualTo(200);
    return reply.json();
  }

  private Reply refresh(String refreshToken) {
    return anonymous.post("/auth/refresh", new JsonObject().put("refreshToken", refreshToken));
  }
}
