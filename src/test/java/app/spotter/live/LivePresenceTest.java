package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.live.fanout.RedisKeys;
import app.spotter.support.LiveClient;
import app.spotter.support.LiveFixtures;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LivePresenceTest extends LiveTest {
  private static final int CROWD_SESSIONS = 60;
  private static final int SOCKETS_PER_SESSION = 20;

  @Test
  @DisplayName("presence lists the connected devices when one subscribes and when one leaves")
  void joinAndLeave() {
    startSession();
    LiveClient trainerSocket = trainerSocket(stack.port);
    trainerSocket.subscribe(sessionId, null);
    String trainerId = trainerSocket.welcome().getString("connectionId");
    awaitPresence(trainerSocket, Set.of(trainerId));

    LiveClient traineeSocket = traineeSocket(stack.port);
    traineeSocket.subscribe(sessionId, null);
    String traineeConnection = traineeSocket.welcome().getString("connectionId");
    JsonObject both = awaitPresence(trainerSocket, Set.of(trainerId, traineeConnection));
    JsonObject trainee = both.getJsonArray("devices").stream().map(d -> (JsonObject) d)
        .filter(d -> traineeConnection.equals(d.getString("connectionId"))).findFirst().orElseThrow();
    assertThat(trainee.getString("role")).isEqualTo("trainee");
    assertThat(trainee.getString("device")).isEqualTo("trainee-phone");
    assertThat(trainee.getLong("since")).isPositive();
    awaitPresence(traineeSocket, Set.of(trainerId, traineeConnection));

    traineeSocket.close();
    awaitPresence(trainerSocket, Set.of(trainerId));
  }

  @Test
  @DisplayName("a device whose instance vanished without a word disappears from presence after the expiry")
  void vanishedInstance() {
    startSession();
    Map<String, String> shortPresence = Map.of("SPOTTER_LIVE_PRESENCE_EXPIRY", "PT2S");
    ExtraInstance watching = open(ExtraInstance.start(shortPresence));
    ExtraInstance doomed = open(ExtraInstance.start(shortPresence));
    LiveClient trainerSocket = trainerSocket(watching.port);
    trainerSocket.subscribe(sessionId, null);
    LiveClient traineeSocket = traineeSocket(doomed.port);
    traineeSocket.subscribe(sessionId, null);
    String trainerId = trainerSocket.welcome().getString("connectionId");
    awaitPresence(trainerSocket, Set.of(trainerId, traineeSocket.welcome().getString("connectionId")));

    long vanished = System.currentTimeMillis();
    doomed.crash();

    awaitPresence(trainerSocket, Set.of(trainerId));
    assertThat(System.currentTimeMillis() - vanished).as("gone within expiry + one refresh").isLessThan(4_000);
  }

  @Test
  @DisplayName("a crowd on one instance stays present through its refreshes: 1,200 sockets, more than Redis requests may wait")
  void crowdStaysPresent() throws InterruptedException {
    ExtraInstance instance = open(ExtraInstance.start(Map.of("SPOTTER_LIVE_PRESENCE_EXPIRY", "PT1S")));
    Trainer coach = registerTrainer();
    String template = LiveFixtures.template(coach, "Squat");
    List<String> sessions = new ArrayList<>();
    List<LiveClient> observers = new ArrayList<>();
    for (int s = 0; s < CROWD_SESSIONS; s++) {
      String session = LiveFixtures.start(coach, createTrainee(coach.api(), "Crowd " + s), template).getString("id");
      sessions.add(session);
      for (int d = 0; d < SOCKETS_PER_SESSION; d++) {
        LiveClient socket = open(LiveClient.connect(stack.vertx, instance.port)).hello(coach.api().token(), "screen-" + d);
        socket.subscribe(session, null);
        if (d == 0) {
          observers.add(socket);
        }
      }
    }
    for (LiveClient observer : observers) {
      observer.next(m -> "presence".equals(m.getString("type")) && ids(m).size() == SOCKETS_PER_SESSION);
      observer.forget();
    }

    Thread.sleep(3_000); // nine refreshes; an entry not refreshed for 1 s is swept, and its session told

    for (LiveClient observer : observers) {
      assertThat(observer.poll(m -> "presence".equals(m.getString("type")), 0)).as("a presence change").isNull();
    }
    long refreshedSince = System.currentTimeMillis() - 1_000;
    for (String session : sessions) {
      Response entries = stack.redis().send(Request.cmd(Command.HGETALL)
          .arg(RedisKeys.presence(UUID.fromString(session)))).await();
      assertThat(entries.getKeys()).hasSize(SOCKETS_PER_SESSION);
      assertThat(entries.getKeys()).allSatisfy(connection ->
          assertThat(new JsonObject(entries.get(connection).toString()).getLong("seenAt")).isGreaterThan(refreshedSince));
    }
  }

  /** Waits for the presence message that lists exactly these connections. */
  private JsonObject awaitPresence(LiveClient client, Set<String> connectionIds) {
    return client.next(m -> "presence".equals(m.getString("type")) && sessionId.equals(m.getString("sessionId"))
        && ids(m).equals(connectionIds));
  }

  private static Set<String> ids(JsonObject presence) {
    return presence.getJsonArray("devices").stream().map(d -> ((JsonObject) d).getString("connectionId"))
        .collect(Collectors.toSet());
  }
}
