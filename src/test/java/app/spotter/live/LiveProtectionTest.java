package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.LiveClient;
import app.spotter.support.RawWebSocket;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Message size and command rate: what one client may cost the server. */
class LiveProtectionTest extends LiveSceneTest {

  @Test
  @DisplayName("a 1 MB frame closes the socket with 1009 and is not processed; other sockets go on")
  void hugeFrame() {
    Scene scene = scene();
    Bystander bystander = bystander();
    LiveClient socket = trainerSocket(scene);
    JsonObject note = new JsonObject().put("type", "command").put("sessionId", scene.sessionId()).put("commandId", "big")
        .put("name", "add-note").put("payload", new JsonObject().put("text", "x".repeat(1_000_000)));

    socket.sendRaw(note.encode());

    assertThat(socket.awaitClose(5_000)).isEqualTo((short) 1009);
    assertThat(eventRows(scene.sessionId())).isZero();
    bystander.assertUnaffected();
  }

  @Test
  @DisplayName("a frame just over 64 KiB closes with 1009; one just under is processed")
  void frameLimit() {
    Scene scene = scene();
    try (RawWebSocket under = RawWebSocket.connect(stack.port); RawWebSocket over = RawWebSocket.connect(stack.port)) {
      String token = scene.trainer().api().token();
      under.sendJson(new JsonObject().put("type", "hello").put("token", token));
      over.sendJson(new JsonObject().put("type", "hello").put("token", token));
      assertThat(under.nextJson().getString("type")).isEqualTo("welcome");
      assertThat(over.nextJson().getString("type")).isEqualTo("welcome");

      under.sendText(padded(new JsonObject().put("type", "ping").put("clientTime", 1), 65_536));
      // The server may hang up before the whole frame is written.
      over.trySendText(padded(new JsonObject().put("type", "ping").put("clientTime", 2), 65_537));

      assertThat(under.nextJson().getString("type")).isEqualTo("pong");
      assertThat(over.awaitClose(5_000)).isEqualTo(1009);
    }
  }

  @Test
  @DisplayName("a message over 64 KiB in small fragments closes with 1009 and is not processed")
  void fragmentedMessage() {
    Scene scene = scene();
    try (RawWebSocket socket = RawWebSocket.connect(stack.port)) {
      socket.sendJson(new JsonObject().put("type", "hello").put("token", scene.trainer().api().token()));
      assertThat(socket.nextJson().getString("type")).isEqualTo("welcome");
      byte[] note = new JsonObject().put("type", "command").put("sessionId", scene.sessionId()).put("commandId", "frag")
          .put("name", "add-note").put("payload", new JsonObject().put("text", "y".repeat(90_000)))
          .encode().getBytes(StandardCharsets.UTF_8);

      int chunk = 30_000;
      for (int from = 0; from < note.length; from += chunk) {
        byte[] part = java.util.Arrays.copyOfRange(note, from, Math.min(note.length, from + chunk));
        socket.trySendFrame(from == 0 ? RawWebSocket.TEXT : RawWebSocket.CONTINUATION, from + chunk >= note.length, part);
      }

      assertThat(socket.awaitClose(5_000)).isEqualTo(1009);
    }
    assertThat(eventRows(scene.sessionId())).isZero();
  }

  @Test
  @DisplayName("1,000 commands at once: the excess is rate-limited, only the accepted are written, all sockets go on")
  void commandFlood() throws Exception {
    Scene scene = scene();
    Bystander bystander = bystander();
    LiveClient socket = trainerSocket(scene);
    LiveClient sameTrainer = trainerSocket(scene);
    socket.subscribe(scene.sessionId(), null);
    List<String> ids = new ArrayList<>();

    long started = System.currentTimeMillis();
    for (int i = 0; i < 1_000; i++) {
      String id = "flood-" + i;
      ids.add(id);
      socket.send(new JsonObject().put("type", "command").put("sessionId", scene.sessionId()).put("commandId", id)
          .put("name", "log-set").put("payload", scene.logSet(scene.squat(), "set-" + i)));
    }
    assertThat(sameTrainer.command(scene.sessionId(), "log-set", scene.logSet(scene.bench(), "other-socket"))
        .getString("type")).isEqualTo("ack");
    bystander.assertUnaffected();
    List<String> acked = new ArrayList<>();
    List<String> limited = new ArrayList<>();
    for (String id : ids) {
      JsonObject answer = socket.next(m -> id.equals(m.getString("commandId")));
      if ("ack".equals(answer.getString("type"))) {
        acked.add(id);
      } else {
        assertThat(answer.getString("code")).isEqualTo("rate-limited");
        limited.add(id);
      }
    }

    // Bursts of 40, then 20 a second: the time the server took to see them all allows a few more.
    long millis = System.currentTimeMillis() - started;
    assertThat(acked.size()).isBetween(40, 40 + (int) (millis * 20 / 1000) + 1);
    assertThat(limited).hasSize(1_000 - acked.size());
    assertThat(eventRows(scene.sessionId())).isEqualTo(acked.size() + 1);
    assertThat(record(scene).getJsonArray("exercises").getJsonObject(0).getJsonArray("sets")).hasSize(acked.size());
    assertThat(socket.isClosed()).isFalse();

    Thread.sleep(200);
    String retried = limited.get(limited.size() - 1);
    int number = Integer.parseInt(retried.substring("flood-".length()));
    JsonObject retry = socket.command(scene.sessionId(), retried, "log-set", scene.logSet(scene.squat(), "set-" + number));
    assertThat(retry.getString("type")).as("rate-limited is not remembered").isEqualTo("ack");
    assertThat(eventRows(scene.sessionId())).isEqualTo(acked.size() + 2);
  }

  @Test
  @DisplayName("100 subscribes at once: past the burst of 20 they get error rate-limited, the socket stays and may subscribe again later")
  void subscribeFlood() throws Exception {
    Scene scene = scene();
    LiveClient socket = trainerSocket(scene);
    for (int i = 0; i < 100; i++) {
      socket.send(new JsonObject().put("type", "subscribe").put("sessionId", scene.sessionId()));
    }
    int snapshots = 0;
    int limited = 0;
    for (int i = 0; i < 100; i++) {
      JsonObject answer = socket.next(m -> List.of("snapshot", "error").contains(m.getString("type")));
      if ("snapshot".equals(answer.getString("type"))) {
        snapshots++;
      } else {
        assertThat(answer.getString("code")).isEqualTo("rate-limited");
        limited++;
      }
    }
    // A burst of 20, then 5 a second while the server reads the rest.
    assertThat(snapshots).isBetween(20, 30);
    assertThat(limited).isEqualTo(100 - snapshots);
    assertThat(socket.isClosed()).isFalse();

    Thread.sleep(400);
    assertThat(socket.subscribe(scene.sessionId(), null).getString("type")).isEqualTo("snapshot");
  }

  @Test
  @DisplayName("a pong echoes clientTime only if it is a number, and made-up command names do not become metrics")
  void nothingMadeUpComesBack() {
    Scene scene = scene();
    LiveClient socket = trainerSocket(scene);

    socket.send(new JsonObject().put("type", "ping").put("clientTime", "x".repeat(60_000)));
    JsonObject stringTime = socket.next();
    socket.send(new JsonObject().put("type", "ping").put("clientTime", 1732500000123L));
    JsonObject numberTime = socket.next();
    for (int i = 0; i < 5; i++) {
      socket.command(scene.sessionId(), "made-up-" + i, new JsonObject());
    }

    assertThat(stringTime.getString("type")).isEqualTo("pong");
    assertThat(stringTime.getValue("clientTime")).isNull();
    assertThat(numberTime.getLong("clientTime")).isEqualTo(1732500000123L);
    assertThat(numberTime.getLong("serverTime")).isPositive();
    String metrics = anonymous.get("/metrics").body();
    assertThat(metrics).doesNotContain("made-up-");
    assertThat(metrics).containsPattern("spotter_live_commands_total\\{.*name=\"unknown\",outcome=\"invalid\"");
  }

  /** {@code message} with a padding field, encoded to exactly {@code bytes} bytes. */
  private static String padded(JsonObject message, int bytes) {
    int base = message.copy().put("pad", "").encode().length();
    return message.put("pad", "p".repeat(bytes - base)).encode();
  }
}
