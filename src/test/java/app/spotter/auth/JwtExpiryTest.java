package app.spotter.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.LiveClient;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An access token must say when it expires: one without {@code exp} would be good forever. */
class JwtExpiryTest extends ApiTest {

  @Test
  @DisplayName("a trainer JWT signed with the right key but without exp gets 401 problem+json; with exp it gets in")
  void rest() {
    Trainer trainer = registerTrainer();

    Reply withoutExpiry = anonymous.as(jwt(trainer, null)).get("/me");

    assertThat(withoutExpiry.status()).isEqualTo(401);
    assertThat(withoutExpiry.contentType()).isEqualTo("application/problem+json");
    assertThat(anonymous.as(jwt(trainer, Instant.now().plusSeconds(600))).get("/me").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("a live hello with a trainer JWT without exp gets error unauthorized and close 4401; with exp, welcome")
  void liveHello() {
    Trainer trainer = registerTrainer();
    try (LiveClient socket = LiveClient.connect(stack); LiveClient control = LiveClient.connect(stack)) {
      socket.send(new JsonObject().put("type", "hello").put("token", jwt(trainer, null)).put("device", "trainer-tablet"));

      assertThat(socket.next().getString("code")).isEqualTo("unauthorized");
      assertThat(socket.awaitClose(2_000)).isEqualTo((short) 4401);
      assertThat(control.hello(jwt(trainer, Instant.now().plusSeconds(600)), "trainer-tablet").welcome()
          .getString("role")).isEqualTo("trainer");
    }
  }

  /** A trainer token as the server signs one, with the test stack's key; {@code expiresAt} null leaves out exp. */
  private String jwt(Trainer trainer, Instant expiresAt) {
    JWTAuth signer = JWTAuth.create(stack.vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(stack.env.get("SPOTTER_JWT_SECRET"))));
    JsonObject claims = new JsonObject().put("role", Role.TRAINER.wire()).put("tid", trainer.id())
        .put("sub", trainer.id()).put("iss", "spotter");
    if (expiresAt != null) {
      claims.put("exp", expiresAt.getEpochSecond());
    }
    String token = signer.generateToken(claims, new JWTOptions().setAlgorithm("HS256"));
    JsonObject signed = new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
        StandardCharsets.UTF_8));
    assertThat(signed.containsKey("exp")).as("exp in " + signed).isEqualTo(expiresAt != null);
    return token;
  }
}
