package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ExtraSpotter;
import app.spotter.support.LiveClient;
import app.spotter.support.RawWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Idle sockets: pinged every heartbeat, closed after three silent ones. */
class LiveHeartbeatTest extends LiveSceneTest {
  private static final long HEARTBEAT_MS = 300;
  private static ExtraSpotter quick;

  @BeforeAll
  static void startQuick() {
    quick = ExtraSpotter.start(Map.of("SPOTTER_LIVE_HEARTBEAT", "PT0.3S"));
  }

  @AfterAll
  static void stopQuick() {
    quick.close();
  }

  @Test
  @DisplayName("a client that answers pings stays open; one that never answers is closed after three heartbeats")
  void silentClientClosed() throws Exception {
    Scene scene = scene();
    LiveClient answering = open(quick.connect());
    JsonObject hello = new JsonObject().put("type", "hello").put("token", scene.trainer().api().token());
    answering.send(hello);
    assertThat(answering.next().getInteger("heartbeatMs")).isEqualTo((int) HEARTBEAT_MS);
    answering.subscribe(scene.sessionId(), null);

    try (RawWebSocket silent = RawWebSocket.connect(quick.port)) {
      silent.sendJson(hello);
      assertThat(silent.nextJson().getString("type")).isEqualTo("welcome");
      long welcomed = System.currentTimeMillis();
      assertThat(silent.awaitClose(5_000)).isEqualTo(4000);
      assertThat(System.currentTimeMillis() - welcomed).isBetween(3 * HEARTBEAT_MS - 50, 10 * HEARTBEAT_MS);
    }

    Thread.sleep(3 * HEARTBEAT_MS);
    assertThat(answering.isClosed()).isFalse();
    assertThat(answering.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1")).getString("type"))
        .isEqualTo("ack");
  }

  @Test
  @DisplayName("a socket that sends only JSON messages, no pongs, counts as alive")
  void messagesCountAsLife() throws Exception {
    Scene scene = scene();
    try (RawWebSocket talking = RawWebSocket.connect(quick.port)) {
      talking.sendJson(new JsonObject().put("type", "hello").put("token", scene.trainer().api().token()));
      assertThat(talking.nextJson().getString("type")).isEqualTo("welcome");

      for (int i = 0; i < 8; i++) {
        Thread.sleep(HEARTBEAT_MS / 2);
        talking.sendJson(new JsonObject().put("type", "ping").put("clientTime", i));
      }

      JsonObject pong = talking.nextJson();
      assertThat(pong.getString("type")).isEqualTo("pong");
      assertThat(pong.getLong("clientTime")).isZero();
    }
  }
}
