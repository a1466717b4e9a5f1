package app.spotter.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.Concurrently;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuthApiTest extends ApiTest {

  private JsonObject credentials(String email, String password) {
    return new JsonObject().put("email", email).put("password", password);
  }

  @Test
  @DisplayName("register answers 201 with the trainer, tokens and a Location; the password hash is never shown")
  void register() {
    Reply reply = anonymous.post("/auth/register", new JsonObject().put("email", "Ana@Gym.test")
        .put("password", PASSWORD).put("name", "Ana").put("phone", "+34 600 000 000"));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.header("Location")).isEqualTo("/api/v1/me");
    JsonObject body = reply.json();
    assertThat(body.getJsonObject("trainer").getString("email")).isEqualTo("Ana@Gym.test");
    assertThat(body.getJsonObject("trainer").fieldNames()).containsExactlyInAnyOrder("id", "email", "name", "phone",
        "address", "isActive", "unit", "loadIncrement", "timeZone", "createdAt", "updatedAt", "version");
    assertThat(body.getString("accessToken")).isNotBlank();
    assertThat(body.getString("refreshToken")).startsWith("spr_");
    assertThat(body.getLong("expiresIn")).isBetween(60L, 3600L);
    assertThat(stack.count("SELECT count(*) FROM trainer WHERE hashed_password LIKE '$argon2id$%'")).isEqualTo(1);
  }

  @Test
  @DisplayName("a second registration with the same email in other case gets 409 and creates nothing")
  void duplicateEmail() {
    Trainer first = registerTrainer();
    Reply reply = anonymous.post("/auth/register", new JsonObject().put("email", first.email().toUpperCase())
        .put("password", PASSWORD).put("name", "Copy"));

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.contentType()).isEqualTo("application/problem+json");
    assertThat(reply.json().getString("detail")).isEqualTo("an account with this email already exists");
    assertThat(stack.count("SELECT count(*) FROM trainer")).isEqualTo(1);
  }

  @Test
  @DisplayName("changing your email to another account's (in other case) gets 409 and changes nothing")
  void emailTakenOnUpdate() {
    Trainer first = registerTrainer();
    Trainer second = registerTrainer();
    Reply reply = second.api().patch("/me", new JsonObject().put("email", first.email().toUpperCase()));

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.json().getString("detail")).isEqualTo("an account with this email already exists");
    assertThat(second.api().get("/me").json().getString("email")).isEqualTo(second.email());
  }

  @Test
  @DisplayName("registration with bad fields names every one of them")
  void registerValidation() {
    Reply reply = anonymous.post("/auth/register",
        new JsonObject().put("email", "not-an-email").put("password", "short").put("extra", 1));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorFields()).contains("email", "password", "name", "extra");
  }

  @Test
  @DisplayName("login works case-insensitively; a wrong password gets 401")
  void login() {
    Trainer trainer = registerTrainer();

    assertThat(anonymous.post("/auth/login", credentials(trainer.email().toUpperCase(), PASSWORD)).status()).isEqualTo(200);
    Reply wrong = anonymous.post("/auth/login", credentials(trainer.email(), "wrong password"));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().getString("detail")).contains("email or password");
  }

  @Test
  @DisplayName("after 10 failed logins for an email the next attempt gets 429 with Retry-After, even with the right password")
  void loginRateLimit() {
    Trainer trainer = registerTrainer();
    for (int i = 0; i < 10; i++) {
      assertThat(anonymous.post("/auth/login", credentials(trainer.email(), "wrong " + i)).status()).isEqualTo(401);
    }
    Reply limited = anonymous.post("/auth/login", credentials(trainer.email(), PASSWORD));

    assertThat(limited.status()).isEqualTo(429);
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 900L);
  }

  @Test
  @DisplayName("40 wrong logins at once for one email: no more than 10 get through to a 401, the rest get 429")
  void concurrentFailuresCannotSlipPastTheLimit() throws Exception {
    Trainer trainer = registerTrainer();
    List<Integer> statuses = Concurrently.run(40,
        i -> anonymous.post("/auth/login", credentials(trainer.email(), "wrong " + i)).status());

    assertThat(statuses).allMatch(status -> status == 401 || status == 429);
    assertThat(statuses).filteredOn(status -> status == 401).hasSize(10);
  }

  @Test
  @DisplayName("successful logins are never throttled")
  void successesNotThrottled() {
    Trainer trainer = registerTrainer();
    for (int i = 0; i < 15; i++) {
      assertThat(anonymous.post("/auth/login", credentials(trainer.email(), PASSWORD)).status()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("refresh rotates the token; reusing the old one gets 401 and revokes the whole family")
  void refreshRotation() {
    Trainer trainer = registerTrainer();
    Reply first = anonymous.post("/auth/refresh", new JsonObject().put("refreshToken", trainer.refreshToken()));
    assertThat(first.status()).isEqualTo(200);
    String rotated = first.json().getString("refreshToken");
    assertThat(rotated).isNotEqualTo(trainer.refreshToken());

    Reply reuse = anonymous.post("/auth/refresh", new JsonObject().put("refreshToken", trainer.refreshToken()));
    assertThat(reuse.status()).isEqualTo(401);
    Reply afterTheft = anonymous.post("/auth/refresh", new JsonObject().put("refreshToken", rotated));
    assertThat(afterTheft.status()).isEqualTo(401);
  }

  @Test
  @DisplayName("logout revokes the refresh token")
  void logout() {
    Trainer trainer = registerTrainer();
    assertThat(anonymous.post("/auth/logout", new JsonObject().put("refreshToken", trainer.refreshToken())).status())
        .isEqualTo(204);
    assertThat(anonymous.post("/auth/refresh", new JsonObject().put("refreshToken", trainer.refreshToken())).status())
        .isEqualTo(401);
  }

  @Test
  @DisplayName("GET /me returns the trainer with an ETag; PATCH with a stale If-Match gets 409 and changes nothing")
  void meAndStaleIfMatch() {
    Trainer trainer = registerTrainer();
    Reply me = trainer.api().get("/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.header("ETag")).isEqualTo("\"1\"");

    Reply renamed = trainer.api().header("If-Match", "\"1\"").patch("/me", new JsonObject().put("name", "Coach Two"));
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.json().getString("name")).isEqualTo("Coach Two");
    assertThat(renamed.header("ETag")).isEqualTo("\"2\"");

    Reply stale = trainer.api().header("If-Match", "\"1\"").patch("/me", new JsonObject().put("name", "Lost"));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(trainer.api().get("/me").json().getString("name")).isEqualTo("Coach Two");
  }

  @Test
  @DisplayName("changing the password needs the current one, and the new one works afterwards")
  void changePassword() {
    Trainer trainer = registerTrainer();
    Reply wrong = trainer.api().post("/me/password",
        new JsonObject().put("currentPassword", "nope nope").put("newPassword", "a new long password"));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.errorFields()).containsExactly("currentPassword");

    Reply changed = trainer.api().post("/me/password",
        new JsonObject().put("currentPassword", PASSWORD).put("newPassword", "a new long password"));
    assertThat(changed.status()).isEqualTo(204);
    assertThat(anonymous.post("/auth/login", credentials(trainer.email(), "a new long password")).status()).isEqualTo(200);
    assertThat(anonymous.post("/auth/login", credentials(trainer.email(), PASSWORD)).status()).isEqualTo(401);
  }

  @Test
  @DisplayName("missing, tampered and alg:none tokens get 401 problem+json")
  void badTokens() {
    Trainer trainer = registerTrainer();
    String token = tokenOf(trainer);
    String[] parts = token.split("\\.");
    String tampered = parts[0] + "." + parts[1] + "x." + parts[2];
    String header = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String algNone = header + "." + parts[1] + ".";

    assertThat(anonymous.get("/me").status()).isEqualTo(401);
    for (String bad : new String[] {tampered, algNone, "garbage", "spd_unknown"}) {
      Reply reply = anonymous.as(bad).get("/me");
      assertThat(reply.status()).as(bad).isEqualTo(401);
      assertThat(reply.contentType()).isEqualTo("application/problem+json");
    }
  }

  @Test
  @DisplayName("expired, wrong-issuer and wrong-key JWTs get 401; the same token signed right gets in")
  void forgedJwts() {
    Trainer trainer = registerTrainer();
    String secret = stack.env.get("SPOTTER_JWT_SECRET");
    long inAnHour = Instant.now().plusSeconds(3600).getEpochSecond();
    assertThat(anonymous.as(jwt(trainer, secret, "spotter", inAnHour)).get("/me").status()).isEqualTo(200);

    Map<String, String> forged = Map.of(
        "expired a minute ago", jwt(trainer, secret, "spotter", Instant.now().minusSeconds(60).getEpochSecond()),
        "wrong issuer", jwt(trainer, secret, "someone-else", inAnHour),
        "wrong key", jwt(trainer, "another-secret-another-secret-0123456789", "spotter", inAnHour));
    forged.forEach((what, token) -> {
      Reply reply = anonymous.as(token).get("/me");
      assertThat(reply.status()).as(what).isEqualTo(401);
      assertThat(reply.contentType()).as(what).isEqualTo("application/problem+json");
    });
  }

  @Test
  @DisplayName("one refresh token presented eight times at once is honoured exactly once")
  void concurrentRefresh() throws Exception {
    Trainer trainer = registerTrainer();
    JsonObject body = new JsonObject().put("refreshToken", trainer.refreshToken());

    List<Integer> statuses = Concurrently.run(8, i -> anonymous.post("/auth/refresh", body).status());

    assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
    assertThat(statuses).filteredOn(status -> status == 401).hasSize(7);
  }

  /** A trainer access token as the server would sign it, with the given key, issuer and expiry (epoch seconds). */
  private String jwt(Trainer trainer, String secret, String issuer, long expiresAt) {
    JWTAuth signer = JWTAuth.create(stack.vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    JsonObject claims = new JsonObject().put("role", Role.TRAINER.wire()).put("tid", trainer.id())
        .put("sub", trainer.id()).put("iss", issuer).put("exp", expiresAt);
    return signer.generateToken(claims, new JWTOptions().setAlgorithm("HS256"));
  }

  private String tokenOf(Trainer trainer) {
    Reply login = anonymous.post("/auth/login", credentials(trainer.email(), PASSWORD));
    return login.json().getString("accessToken");
  }
}
