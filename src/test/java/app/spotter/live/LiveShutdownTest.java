package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ExtraSpotter;
import app.spotter.support.LiveClient;
import app.spotter.support.LiveFixtures;
import app.spotter.support.RawWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A stopping instance tells every client to reconnect elsewhere, then closes with 1012. */
class LiveShutdownTest extends LiveSceneTest {

  @Test
  @DisplayName("stopping an instance sends every client reconnect then close 1012; the other instance goes on")
  void shutdown() throws Exception {
    Scene scene = scene();
    // A hello deadline longer than the test: the socket that never says hello must hear the shutdown,
    // not its own deadline (5 s by default, which a busy machine reached during this setup once).
    ExtraSpotter leaving = open(ExtraSpotter.start(Map.of("SPOTTER_LIVE_HELLO_TIMEOUT", "60")));
    LiveClient trainer = open(leaving.connect()).hello(scene.trainer().api().token(), "trainer-tablet");
    trainer.subscribe(scene.sessionId(), null);
    LiveClient trainee = open(leaving.connect())
        .hello(LiveFixtures.traineeToken(scene.trainer(), scene.traineeId()), "trainee-phone");
    LiveClient display = open(leaving.connect()).hello(LiveFixtures.displayToken(scene.trainer()), "wall-display");
    display.send(new JsonObject().put("type", "subscribe-display"));
    display.next(m -> "snapshot".equals(m.getString("type")));
    LiveClient staying = trainerSocket(scene);

    long started = System.currentTimeMillis();
    try (RawWebSocket notYetHello = RawWebSocket.connect(leaving.port)) {
      CompletableFuture<Void> stopped = CompletableFuture.runAsync(leaving::stop);

      for (LiveClient client : List.of(trainer, trainee, display)) {
        JsonObject reconnect = client.next(m -> "reconnect".equals(m.getString("type")));
        assertThat(reconnect.getString("reason")).isNotBlank();
        assertThat(client.awaitClose(2_000)).isEqualTo((short) 1012);
      }
      assertThat(notYetHello.nextOfType("reconnect")).isNotNull();
      assertThat(notYetHello.awaitClose(2_000)).isEqualTo(1012);
      stopped.get(10, TimeUnit.SECONDS);
    }
    assertThat(System.currentTimeMillis() - started).isLessThan(5_000);
    assertThat(staying.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1")).getString("type"))
        .isEqualTo("ack");
  }
}
