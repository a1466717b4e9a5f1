package app.spotter.display;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.Api;
import app.spotter.support.ApiTest;
import app.spotter.support.Concurrently;
import app.spotter.support.LiveClient;
import app.spotter.support.RedisMonitor;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DisplayPairingApiTest extends ApiTest {

  /** A pairing as the display sees it after asking for one. */
  private record Pairing(String code, String secret) {
    String pollPath() {
      return "/displays/pairings/" + code + "?secret=" + secret;
    }
  }

  private Pairing startPairing() {
    Reply reply = anonymous.post("/displays/pairings", null);
    assertThat(reply.status()).isEqualTo(201);
    return new Pairing(reply.json().getString("code"), reply.json().getString("pairingSecret"));
  }

  private Reply claim(Api api, String code) {
    return api.post("/displays/pairings/" + code + "/claim",
        new JsonObject().put("name", "Main floor").put("location", "Downtown gym"));
  }

  /** Pairs a display for the trainer and returns its token. */
  private String pairDisplay(Trainer trainer) {
    Pairing pairing = startPairing();
    assertThat(claim(trainer.api(), pairing.code()).status()).isEqualTo(201);
    return anonymous.get(pairing.pollPath()).json().getString("displayToken");
  }

  /** Every key in Redis with its value, whatever its type, as text. */
  private String redisContents() {
    StringBuilder all = new StringBuilder();
    String cursor = "0";
    do {
      Response page = stack.redis().send(Request.cmd(Command.SCAN).arg(cursor).arg("COUNT").arg(1000)).await();
      cursor = page.get(0).toString();
      for (Response key : page.get(1)) {
        all.append(key).append(" = ").append(valueOf(key.toString())).append('\n');
      }
    } while (!cursor.equals("0"));
    return all.toString();
  }

  private String valueOf(String key) {
    String type = stack.redis().send(Request.cmd(Command.TYPE).arg(key)).await().toString();
    Request read = switch (type) {
      case "string" -> Request.cmd(Command.GET).arg(key);
      case "hash" -> Request.cmd(Command.HGETALL).arg(key);
      case "zset" -> Request.cmd(Command.ZRANGE).arg(key).arg(0).arg(-1).arg("WITHSCORES");
      case "list" -> Request.cmd(Command.LRANGE).arg(key).arg(0).arg(-1);
      case "set" -> Request.cmd(Command.SMEMBERS).arg(key);
      default -> throw new AssertionError("Redis key " + key + " is a " + type + ", which this test cannot read");
    };
    Response value = stack.redis().send(read).await();
    return value == null ? "" : value.toString();
  }

  @Test
  @DisplayName("a pairing gives a 6-character code without 0/O/1/I, a secret and a 10-minute expiry")
  void createPairing() {
    Reply reply = anonymous.post("/displays/pairings", null);

    assertThat(reply.status()).isEqualTo(201);
    JsonObject pairing = reply.json();
    assertThat(pairing.getString("code")).matches("[2-9A-HJ-NP-Z]{6}");
    assertThat(pairing.getString("pairingSecret")).hasSizeGreaterThan(30);
    assertThat(reply.header("Location")).isEqualTo("/api/v1/displays/pairings/" + pairing.getString("code"));
    assertThat(Duration.between(Instant.now(), Instant.parse(pairing.getString("expiresAt"))).toSeconds())
        .isBetween(590L, 600L);
  }

  @Test
  @DisplayName("pending → claimed → the token is handed out once → 410; the database holds only its hash")
  void fullFlow() {
    Trainer trainer = registerTrainer();
    Pairing pairing = startPairing();

    Reply pending = anonymous.get(pairing.pollPath());
    assertThat(pending.status()).isEqualTo(202);
    assertThat(pending.json().getString("status")).isEqualTo("pending");
    assertThat(pending.json().getString("expiresAt")).isNotNull();

    Reply claimed = claim(trainer.api(), pairing.code().toLowerCase());
    assertThat(claimed.status()).isEqualTo(201);
    assertThat(claimed.header("Location")).startsWith("/api/v1/displays/");
    JsonObject display = claimed.json().getJsonObject("display");
    String displayId = display.getString("id");
    assertThat(display.getString("name")).isEqualTo("Main floor");
    assertThat(display.getString("location")).isEqualTo("Downtown gym");

    Reply handedOut = anonymous.get(pairing.pollPath());
    assertThat(handedOut.status()).isEqualTo(200);
    String token = handedOut.json().getString("displayToken");
    assertThat(token).startsWith("spd_");
    assertThat(handedOut.json().getJsonObject("display").getString("id")).isEqualTo(displayId);
    assertThat(stack.count("SELECT count(*) FROM display WHERE token_hash = sha256('" + token + "')")).isEqualTo(1);
    assertThat(stack.count("SELECT count(*) FROM display d WHERE strpos(d::text, '" + token + "') > 0")).isZero();

    assertThat(anonymous.get(pairing.pollPath()).status()).isEqualTo(410);
    assertThat(claim(trainer.api(), pairing.code()).status()).isEqualTo(409);
  }

  @Test
  @DisplayName("no raw display token is ever written to Redis: not after the claim, not after the poll, not in any"
      + " command Redis ran; and the token the display got opens its socket")
  void noRawTokenInRedis() throws IOException {
    Trainer trainer = registerTrainer();
    try (RedisMonitor monitor = new RedisMonitor(stack)) {
      Pairing pairing = startPairing();
      assertThat(claim(trainer.api(), pairing.code()).status()).isEqualTo(201);
      String afterClaim = redisContents();

      String token = anonymous.get(pairing.pollPath()).json().getString("displayToken");
      String afterPoll = redisContents();

      assertThat(afterClaim).contains("pairing:" + pairing.code());
      assertThat(afterClaim).doesNotContain(token, pairing.secret());
      assertThat(afterPoll).doesNotContain(token, pairing.secret());
      List<String> commands = monitor.commands();
      assertThat(commands).as("commands Redis ran").anyMatch(c -> c.contains("pairing:" + pairing.code()))
          .noneMatch(c -> c.contains(token) || c.contains(pairing.secret()));
      try (LiveClient socket = LiveClient.connect(stack).hello(token, "wall-display")) {
        assertThat(socket.welcome().getString("role")).isEqualTo("display");
      }
    }
  }

  @Test
  @DisplayName("of polls sent at the same moment after the claim exactly one gets the token, the others 410")
  void concurrentPollsHandOutOnce() throws Exception {
    Trainer trainer = registerTrainer();
    Pairing pairing = startPairing();
    assertThat(claim(trainer.api(), pairing.code()).status()).isEqualTo(201);

    List<Reply> polls = Concurrently.run(4, i -> anonymous.get(pairing.pollPath()));

    assertThat(polls.stream().map(Reply::status)).containsExactlyInAnyOrder(200, 410, 410, 410);
    String token = polls.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().json().getString("displayToken");
    assertThat(stack.count("SELECT count(*) FROM display WHERE token_hash = sha256('" + token + "')")).isEqualTo(1);
    assertThat(anonymous.as(token).get("/displays").status()).as("a display token on a trainer route").isEqualTo(403);
  }

  @Test
  @DisplayName("a display revoked before it fetched its token gets 410 and never has one")
  void revokedBeforePoll() {
    Trainer trainer = registerTrainer();
    Pairing pairing = startPairing();
    String displayId = claim(trainer.api(), pairing.code()).json().getJsonObject("display").getString("id");
    assertThat(trainer.api().delete("/displays/" + displayId).status()).isEqualTo(204);

    assertThat(anonymous.get(pairing.pollPath()).status()).isEqualTo(410);
    assertThat(stack.count("SELECT count(*) FROM display WHERE token_hash IS NULL")).isEqualTo(1);
  }

  @Test
  @DisplayName("a wrong secret or an unknown code gets 404, and claiming an unknown code writes nothing")
  void wrongSecretOrCode() {
    Trainer trainer = registerTrainer();
    Pairing pairing = startPairing();

    assertThat(anonymous.get("/displays/pairings/" + pairing.code() + "?secret=wrong").status()).isEqualTo(404);
    assertThat(anonymous.get("/displays/pairings/ZZZZZZ?secret=" + pairing.secret()).status()).isEqualTo(404);
    assertThat(anonymous.get("/displays/pairings/not-a-code?secret=" + pairing.secret()).status()).isEqualTo(404);
    assertThat(claim(trainer.api(), "ZZZZZZ").status()).isEqualTo(404);
    assertThat(stack.count("SELECT count(*) FROM display")).isZero();
    assertThat(anonymous.get(pairing.pollPath()).status()).isEqualTo(202);
  }

  @Test
  @DisplayName("claiming needs a trainer: no token gets 401, a display token 403")
  void claimNeedsTrainer() {
    Trainer trainer = registerTrainer();
    String displayToken = pairDisplay(trainer);
    Pairing pairing = startPairing();

    assertThat(claim(anonymous, pairing.code()).status()).isEqualTo(401);
    assertThat(claim(anonymous.as(displayToken), pairing.code()).status()).isEqualTo(403);
  }

  @Test
  @DisplayName("a display token on a trainer route gets 403; once revoked it gets 401")
  void revoke() {
    Trainer trainer = registerTrainer();
    String token = pairDisplay(trainer);
    Api display = anonymous.as(token);
    assertThat(display.get("/displays").status()).isEqualTo(403);
    String displayId = trainer.api().get("/displays").items().getJsonObject(0).getString("id");

    assertThat(trainer.api().delete("/displays/" + displayId).status()).isEqualTo(204);

    assertThat(display.get("/displays").status()).isEqualTo(401);
    assertThat(trainer.api().get("/displays").items().getJsonObject(0).getString("revokedAt")).isNotNull();
  }

  @Test
  @DisplayName("a trainer sees and revokes only their own displays: another's is 404, and its code is not theirs to claim")
  void tenancy() {
    Trainer owner = registerTrainer();
    Trainer other = registerTrainer();
    Pairing pairing = startPairing();
    String displayId = claim(owner.api(), pairing.code()).json().getJsonObject("display").getString("id");

    assertThat(claim(other.api(), pairing.code()).status()).isEqualTo(409);
    assertThat(other.api().get("/displays").items()).isEmpty();
    assertThat(other.api().delete("/displays/" + displayId).status()).isEqualTo(404);
    assertThat(other.api().delete("/displays/not-a-uuid").status()).isEqualTo(404);

    assertThat(owner.api().get("/displays").items()).hasSize(1);
    assertThat(owner.api().get("/displays").items().getJsonObject(0).getString("revokedAt")).isNull();
    assertThat(stack.count("SELECT count(*) FROM display")).isEqualTo(1);
  }

  @Test
  @DisplayName("the display list pages newest first with a cursor, and a forged cursor gets 400")
  void listPages() {
    Trainer trainer = registerTrainer();
    for (int i = 0; i < 3; i++) {
      pairDisplay(trainer);
    }

    Reply first = trainer.api().get("/displays?limit=2");
    assertThat(first.items()).hasSize(2);
    assertThat(first.items().getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("id", "name", "location",
        "createdAt", "lastSeenAt", "revokedAt");
    Reply second = trainer.api().get("/displays?limit=2&cursor=" + first.json().getString("nextCursor"));
    assertThat(second.items()).hasSize(1);
    assertThat(second.json().getString("nextCursor")).isNull();
    assertThat(first.items().getJsonObject(1).getString("createdAt"))
        .isGreaterThanOrEqualTo(second.items().getJsonObject(0).getString("createdAt"));
    assertThat(trainer.api().get("/displays?cursor=WyJub3QgYSB0aW1lIiwieCJd").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("wrong pairing secrets count per address: past the limit even the right one gets 429")
  void badSecretsAreRateLimited() {
    Pairing pairing = startPairing();
    int limit = stack.spotter.config().rateLimits().failuresPerIp();
    for (int i = 0; i < limit; i++) {
      assertThat(anonymous.get("/displays/pairings/" + pairing.code() + "?secret=guess" + i).status()).isEqualTo(404);
    }

    Reply limited = anonymous.get(pairing.pollPath());

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNotNull();
  }
}
