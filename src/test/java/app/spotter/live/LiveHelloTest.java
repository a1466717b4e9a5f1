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

/** Authentication is the first message: anything else, or nothing in time, closes the socket with 4401. */
class LiveHelloTest extends LiveSceneTest {
  /** An instance whose hello deadline is short enough to wait for. */
  private static ExtraSpotter quick;

  @BeforeAll
  static void startQuick() {
    quick = ExtraSpotter.start(Map.of("SPOTTER_LIVE_HELLO_TIMEOUT", "PT0.3S"));
  }

  @AfterAll
  static void stopQuick() {
    quick.close();
  }

  @Test
  @DisplayName("a bad, missing or mistyped token gets error unauthorized and close 4401")
  void badToken() {
    Scene scene = scene();
    String forged = scene.trainer().api().token().substring(0, scene.trainer().api().token().length() - 2) + "xx";
    Object[] tokens = {"not-a-token", forged, "dsp_unknown", null, 42, new JsonObject()};

    for (Object token : tokens) {
      LiveClient socket = open(LiveClient.connect(stack));
      socket.send(new JsonObject().put("type", "hello").put("token", token).put("device", "trainer-tablet"));
      JsonObject error = socket.next();
      assertThat(error.getString("type")).as(String.valueOf(token)).isEqualTo("error");
      assertThat(error.getString("code")).as(String.valueOf(token)).isEqualTo("unauthorized");
      assertThat(socket.awaitClose(2_000)).as(String.valueOf(token)).isEqualTo((short) 4401);
    }
  }

  @Test
  @DisplayName("a message before hello gets error unauthorized and close 4401; nothing is written")
  void messageBeforeHello() {
    Scene scene = scene();
    LiveClient subscribe = open(LiveClient.connect(stack));
    LiveClient command = open(LiveClient.connect(stack));

    subscribe.send(new JsonObject().put("type", "subscribe").put("sessionId", scene.sessionId()));
    command.send(new JsonObject().put("type", "command").put("sessionId", scene.sessionId()).put("commandId", "c1")
        .put("name", "log-set").put("payload", scene.logSet(scene.squat(), "s1")));

    for (LiveClient socket : new LiveClient[] {subscribe, command}) {
      assertThat(socket.next().getString("code")).isEqualTo("unauthorized");
      assertThat(socket.awaitClose(2_000)).isEqualTo((short) 4401);
    }
    assertThat(eventRows(scene.sessionId())).isZero();
  }

  @Test
  @DisplayName("a client offering permessage-deflate, as browsers do, gets an uncompressed socket that works")
  void compressionDeclined() {
    Scene scene = scene();
    LiveClient browserLike = open(LiveClient.connectOfferingCompression(stack));

    assertThat(browserLike.acceptedExtensions()).isNull();
    browserLike.hello(scene.trainer().api().token(), "trainer-tablet");
    assertThat(browserLike.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1")).getString("type"))
        .isEqualTo("ack");
  }

  @Test
  @DisplayName("a socket that says nothing is closed with 4401 at the hello deadline; one that said hello stays")
  void helloDeadline() throws Exception {
    Scene scene = scene();
    LiveClient greeted = open(quick.connect()).hello(scene.trainer().api().token(), "trainer-tablet");
    LiveClient silent = open(quick.connect());
    long opened = System.currentTimeMillis();
    try (RawWebSocket raw = RawWebSocket.connect(quick.port)) {

      assertThat(silent.awaitClose(3_000)).isEqualTo((short) 4401);
      assertThat(System.currentTimeMillis() - opened).isBetween(250L, 2_000L);
      assertThat(raw.awaitClose(3_000)).isEqualTo(4401);
    }
    Thread.sleep(200);
    assertThat(greeted.isClosed()).isFalse();
    assertThat(greeted.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1")).getString("type"))
        .isEqualTo("ack");
  }
}
