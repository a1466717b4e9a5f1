package app.spotter.trainee;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.Api;
import app.spotter.support.ApiTest;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AccessLinkApiTest extends ApiTest {

  private Reply createLink(Api api, String traineeId, JsonObject body) {
    return api.post("/trainees/" + traineeId + "/access-links", body);
  }

  private Reply exchange(String token) {
    return anonymous.post("/trainee-access", new JsonObject().put("token", token));
  }

  /** A trainee whose trainer wrote private medical notes, and a link for them. */
  private String traineeWithNotes(Trainer trainer) {
    Reply created = trainer.api().post("/trainees",
        new JsonObject().put("name", "Maria Lopez").put("medicalNotes", "asthma: inhaler in bag"));
    assertThat(created.status()).isEqualTo(201);
    return created.json().getString("id");
  }

  /** Creates a link the way the contract allows most simply: without a body. */
  private String linkToken(Trainer trainer, String traineeId) {
    Reply link = createLink(trainer.api(), traineeId, null);
    assertThat(link.status()).isEqualTo(201);
    return link.json().getString("token");
  }

  @Test
  @DisplayName("a new link answers 201 with an absolute URL holding the token in its fragment; only its hash is stored")
  void create() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Maria Lopez");

    Reply reply = createLink(trainer.api(), traineeId, new JsonObject().put("label", "Maria's phone"));

    assertThat(reply.status()).isEqualTo(201);
    JsonObject link = reply.json();
    String token = link.getString("token");
    assertThat(token).startsWith("spl_");
    assertThat(link.getString("url")).isEqualTo(stack.spotter.config().publicUrl() + "/trainee/#token=" + token);
    assertThat(link.getString("label")).isEqualTo("Maria's phone");
    assertThat(reply.header("Location"))
        .isEqualTo("/api/v1/trainees/" + traineeId + "/access-links/" + link.getString("id"));
    assertThat(Duration.between(Instant.now(), Instant.parse(link.getString("expiresAt"))).toDays()).isEqualTo(89);
    assertThat(stack.count("SELECT count(*) FROM trainee_access_link WHERE token_hash = sha256('" + token + "')"))
        .isEqualTo(1);
    assertThat(stack.count("SELECT count(*) FROM trainee_access_link t WHERE strpos(t::text, '" + token + "') > 0"))
        .isZero();
  }

  @Test
  @DisplayName("the list shows each link's dates but never a token; expiresInDays sets the expiry")
  void list() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Maria Lopez");
    createLink(trainer.api(), traineeId, new JsonObject().put("expiresInDays", 7).put("label", "tablet"));

    Reply reply = trainer.api().get("/trainees/" + traineeId + "/access-links");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.items()).hasSize(1);
    JsonObject link = reply.items().getJsonObject(0);
    assertThat(link.fieldNames()).containsExactlyInAnyOrder("id", "label", "createdAt", "expiresAt", "lastUsedAt",
        "revokedAt");
    assertThat(link.getString("label")).isEqualTo("tablet");
    assertThat(link.getString("createdAt")).isNotNull();
    assertThat(link.getString("lastUsedAt")).isNull();
    assertThat(link.getString("revokedAt")).isNull();
    assertThat(Duration.between(Instant.now(), Instant.parse(link.getString("expiresAt"))).toDays()).isEqualTo(6);
    assertThat(createLink(trainer.api(), traineeId, new JsonObject().put("expiresInDays", 0)).errorFields())
        .containsExactly("expiresInDays");
    assertThat(trainer.api().get("/trainees/" + traineeId + "/access-links?cursor=WyJ4Il0").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("the link's token buys a trainee token that sees the trainee's own profile, without medical notes")
  void exchangeAndSelfView() {
    Trainer trainer = registerTrainer();
    String traineeId = traineeWithNotes(trainer);
    String otherTraineeId = createTrainee(trainer.api(), "Someone Else");

    Reply access = exchange(linkToken(trainer, traineeId));

    assertThat(access.status()).isEqualTo(200);
    assertThat(access.json().getJsonObject("trainee").getString("id")).isEqualTo(traineeId);
    assertThat(access.json().getJsonObject("trainee").fieldNames()).doesNotContain("medicalNotes");
    assertThat(access.json().getLong("expiresIn")).isPositive();
    Api trainee = anonymous.as(access.json().getString("accessToken"));
    Reply me = trainee.get("/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().getString("id")).isEqualTo(traineeId);
    assertThat(me.json().fieldNames()).doesNotContain("medicalNotes");
    assertThat(trainee.get("/trainees/" + traineeId).status()).isEqualTo(200);
    assertThat(trainee.get("/trainees/" + otherTraineeId).status()).isEqualTo(404);
    assertThat(trainee.get("/trainees").status()).isEqualTo(403);
    assertThat(createLink(trainee, traineeId, new JsonObject()).status()).isEqualTo(403);
    assertThat(trainer.api().get("/trainees/" + traineeId + "/access-links").items().getJsonObject(0)
        .getString("lastUsedAt")).isNotNull();
  }

  @Test
  @DisplayName("a revoked link is refused at once (401), and the list shows when it was revoked")
  void revoke() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Maria Lopez");
    Reply link = createLink(trainer.api(), traineeId, new JsonObject());
    String path = "/trainees/" + traineeId + "/access-links/" + link.json().getString("id");

    assertThat(trainer.api().delete(path).status()).isEqualTo(204);

    assertThat(exchange(link.json().getString("token")).status()).isEqualTo(401);
    assertThat(trainer.api().get("/trainees/" + traineeId + "/access-links").items().getJsonObject(0)
        .getString("revokedAt")).isNotNull();
  }

  @Test
  @DisplayName("an expired link is refused with 401")
  void expired() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Maria Lopez");
    String token = linkToken(trainer, traineeId);
    stack.execute("UPDATE trainee_access_link SET expires_at = now() - interval '1 second'");

    Reply reply = exchange(token);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.contentType()).isEqualTo("application/problem+json");
  }

  @Test
  @DisplayName("another trainer's trainee and links are 404 for create, list and revoke, and the link keeps working")
  void tenancy() {
    Trainer owner = registerTrainer();
    Trainer other = registerTrainer();
    String traineeId = createTrainee(owner.api(), "Maria Lopez");
    Reply link = createLink(owner.api(), traineeId, new JsonObject());

    assertThat(createLink(other.api(), traineeId, new JsonObject()).status()).isEqualTo(404);
    assertThat(other.api().get("/trainees/" + traineeId + "/access-links").status()).isEqualTo(404);
    assertThat(other.api().delete("/trainees/" + traineeId + "/access-links/" + link.json().getString("id")).status())
        .isEqualTo(404);
    assertThat(exchange(link.json().getString("token")).status()).isEqualTo(200);
    assertThat(stack.count("SELECT count(*) FROM trainee_access_link")).isEqualTo(1);
  }

  @Test
  @DisplayName("bad link tokens count per address: past the limit even a good token gets 429 with Retry-After")
  void badTokensAreRateLimited() {
    Trainer trainer = registerTrainer();
    String token = linkToken(trainer, createTrainee(trainer.api(), "Maria Lopez"));
    int limit = stack.spotter.config().rateLimits().failuresPerIp();
    for (int i = 0; i < limit; i++) {
      assertThat(exchange("spl_guess" + i).status()).isEqualTo(401);
    }

    Reply limited = exchange(token);

    assertThat(limited.status()).isEqualTo(429);
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
  }
}
