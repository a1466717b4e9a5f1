package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.Api;
import app.spotter.support.ApiTest;
import app.spotter.support.LiveClient;
import app.spotter.support.LiveFixtures;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * REST while a store is unreachable (here, not in http/: only {@link ExtraInstance} can cut an
 * instance's roads): 503 problem+json with Retry-After over HTTP, error unavailable and close 1013 on
 * the live socket, which tell a client to keep its tokens and come back; never a 500 nor a 4401.
 */
class OutageAnswersTest extends ApiTest {

  @Test
  @DisplayName("with Postgres unreachable, a signed-in request and a login get 503 problem+json with Retry-After; healed, 200")
  void postgresUnreachable() {
    Trainer trainer = registerTrainer();
    try (ExtraInstance instance = ExtraInstance.start(Map.of())) {
      Api api = new Api("http://localhost:" + instance.port, trainer.api().token());
      instance.databaseRoad.cut();

      Reply list = api.get("/trainees");
      Reply login = api.as(null).post("/auth/login",
          new JsonObject().put("email", trainer.email()).put("password", PASSWORD));

      for (Reply reply : new Reply[] {list, login}) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(reply.header("Retry-After")).isNotBlank();
      }
      instance.databaseRoad.heal();
      assertThat(api.get("/trainees").status()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("with Redis unreachable, a display pairing (kept in Redis) gets 503 problem+json; healed, 201")
  void redisUnreachable() {
    try (ExtraInstance instance = ExtraInstance.start(Map.of())) {
      Api api = new Api("http://localhost:" + instance.port, null);
      instance.redisRoad.cut();

      Reply pairing = api.post("/displays/pairings", null);

      assertThat(pairing.status()).as(pairing.toString()).isEqualTo(503);
      assertThat(pairing.header("Content-Type")).isEqualTo("application/problem+json");
      instance.redisRoad.heal();
      assertThat(api.post("/displays/pairings", null).status()).isEqualTo(201);
    }
  }

  @Test
  @DisplayName("with Postgres unreachable, a live hello of a trainer or a display gets error unavailable and close 1013, never 4401; healed, welcome")
  void liveHelloDuringOutage() {
    Trainer trainer = registerTrainer();
    String display = LiveFixtures.displayToken(trainer);
    try (ExtraInstance instance = ExtraInstance.start(Map.of())) {
      instance.databaseRoad.cut();

      for (String[] hello : new String[][] {{trainer.api().token(), "trainer-tablet"}, {display, "wall-display"}}) {
        try (LiveClient socket = LiveClient.connect(stack.vertx, instance.port)) {
          socket.send(new JsonObject().put("type", "hello").put("token", hello[0]).put("device", hello[1]));
          JsonObject answer = socket.next();
          assertThat(answer.getString("type")).as(hello[1]).isEqualTo("error");
          assertThat(answer.getString("code")).as(hello[1]).isEqualTo("unavailable");
          assertThat(socket.awaitClose(5_000)).as(hello[1]).isEqualTo((short) 1013);
        }
      }

      instance.databaseRoad.heal();
      try (LiveClient socket = LiveClient.connect(stack.vertx, instance.port)) {
        assertThat(socket.hello(display, "wall-display").welcome().getString("role")).isEqualTo("display");
      }
    }
  }
}
