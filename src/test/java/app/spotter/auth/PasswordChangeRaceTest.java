package app.spotter.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.config.DatabaseUrl;
import app.spotter.support.ApiTest;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A sign-in or refresh that meets a password change in progress waits for it, and then hands out
 * nothing the change meant to revoke. The change is played here by another connection running the
 * change's statements, held uncommitted until the request waits behind it.
 */
class PasswordChangeRaceTest extends ApiTest {

  @Test
  @DisplayName("a refresh of another device during a password change waits for it and then gets 401")
  void refreshWaitsForTheChange() throws Exception {
    Trainer trainer = registerTrainer();
    String otherDevice = anonymous.post("/auth/login", new JsonObject().put("email", trainer.email())
        .put("password", PASSWORD)).json().getString("refreshToken");

    Reply refresh = duringPasswordChange(trainer,
        () -> anonymous.post("/auth/refresh", new JsonObject().put("refreshToken", otherDevice)));

    assertThat(refresh.status()).isEqualTo(401);
  }

  @Test
  @DisplayName("a login with the old password that a password change overtakes gets 401, not tokens")
  void loginOvertakenByTheChange() throws Exception {
    Trainer trainer = registerTrainer();

    Reply login = duringPasswordChange(trainer, () -> anonymous.post("/auth/login",
        new JsonObject().put("email", trainer.email()).put("password", PASSWORD)));

    assertThat(login.status()).isEqualTo(401);
    assertThat(stack.count("SELECT count(*) FROM refresh_token WHERE revoked_at IS NULL")).isZero();
  }

  /** Runs {@code request} while a password change (new version, every refresh token revoked) is under way. */
  private Reply duringPasswordChange(Trainer trainer, Supplier<Reply> request) throws Exception {
    DatabaseUrl db = stack.servers.databaseUrl();
    try (Connection change = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      change.setAutoCommit(false);
      change.createStatement().execute("UPDATE trainer SET password_version = password_version + 1 WHERE id = '"
          + trainer.id() + "'");
      CompletableFuture<Reply> reply = CompletableFuture.supplyAsync(request);
      stack.awaitLockWaiters(1, " AND query LIKE '%FOR SHARE%'");
      change.createStatement().execute("UPDATE refresh_token SET revoked_at = now() WHERE trainer_id = '"
          + trainer.id() + "'");
      change.commit();
      return reply.get(10, TimeUnit.SECONDS);
    }
  }
}
