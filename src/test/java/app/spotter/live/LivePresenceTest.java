package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.LiveClient;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LivePresenceTest extends LiveTest {

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
