package app.spotter.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.ExtraSpotter;
import app.spotter.support.LiveClient;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Slow clients over plain TCP, against an instance with 1 s / 2 s / 2 s header, body and idle deadlines. */
class SlowClientsTest extends ApiTest {
  private static final long HEADER_MS = 1_000;
  private static final long BODY_MS = 2_000;
  private static final long IDLE_MS = 2_000;
  /** Timers on a loaded machine fire late; early never. */
  private static final long SLACK_MS = 3_000;
  private static final String HEALTH = "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n";
  private static ExtraSpotter strict;

  @BeforeAll
  static void startStrict() {
    strict = ExtraSpotter.start(Map.of("SPOTTER_HTTP_HEADER_TIMEOUT", "1", "SPOTTER_HTTP_BODY_TIMEOUT", "2",
        "SPOTTER_HTTP_IDLE_TIMEOUT", "2", "SPOTTER_LIVE_HEARTBEAT", "5"));
  }

  @AfterAll
  static void stopStrict() {
    strict.close();
  }

  @Test
  @DisplayName("a client that sends half its headers and trickles the rest is closed at the header timeout")
  void trickledHeaders() throws Exception {
    try (Socket socket = connect()) {
      long start = System.currentTimeMillis();
      send(socket, "GET /health/live HTTP/1.1\r\nHost: localhost\r\n");
      boolean closed = false;
      while (!closed && System.currentTimeMillis() - start < HEADER_MS + SLACK_MS + 2_000) {
        Thread.sleep(200);
        closed = !trySend(socket, "X-Slow: still typing\r\n") || closedWithin(socket, 1);
      }
      assertThat(closed).as("closed").isTrue();
      assertThat(System.currentTimeMillis() - start).isBetween(HEADER_MS - 100, HEADER_MS + SLACK_MS);
    }
  }

  @Test
  @DisplayName("on a kept-alive connection the next request's headers get the header timeout from their first byte")
  void keepAliveHeaders() throws Exception {
    try (Socket socket = connect()) {
      send(socket, HEALTH);
      assertThat(readResponse(socket)).startsWith("HTTP/1.1 200");
      Thread.sleep(500);
      long start = System.currentTimeMillis();
      send(socket, "GET /health/live HTTP/1.1\r\n");
      assertThat(closedWithin(socket, HEADER_MS + SLACK_MS)).as("closed").isTrue();
      assertThat(System.currentTimeMillis() - start).isBetween(HEADER_MS - 100, HEADER_MS + SLACK_MS);
    }
  }

  @Test
  @DisplayName("a body trickled slower than the body timeout is cut off; the handler never sees it")
  void trickledBody() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Content-Length: 100\r\n\r\n{\"email\":");
      long start = System.currentTimeMillis();
      boolean closed = false;
      while (!closed && System.currentTimeMillis() - start < BODY_MS + SLACK_MS + 2_000) {
        Thread.sleep(200);
        closed = !trySend(socket, " ") || closedWithin(socket, 1);
      }
      assertThat(closed).as("closed").isTrue();
      assertThat(System.currentTimeMillis() - start).isBetween(BODY_MS - 100, BODY_MS + SLACK_MS);
    }
  }

  @Test
  @DisplayName("a kept-alive connection with nothing in flight is closed after the idle timeout, not before")
  void idleKeepAlive() throws Exception {
    try (Socket socket = connect()) {
      // A page: sent from its file, the path of an answer whose end is hardest to see.
      send(socket, "GET /trainer/ HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertThat(readResponse(socket)).startsWith("HTTP/1.1 200");
      long answered = System.currentTimeMillis();
      assertThat(closedWithin(socket, IDLE_MS + SLACK_MS)).as("closed").isTrue();
      assertThat(System.currentTimeMillis() - answered).isBetween(IDLE_MS - 100, IDLE_MS + SLACK_MS);
    }
  }

  @Test
  @DisplayName("a kept-alive connection that keeps asking within the idle timeout stays open")
  void busyKeepAlive() throws Exception {
    try (Socket socket = connect()) {
      for (int i = 0; i < 4; i++) {
        send(socket, HEALTH);
        assertThat(readResponse(socket)).startsWith("HTTP/1.1 200");
        Thread.sleep(IDLE_MS * 3 / 4);
      }
    }
  }

  @Test
  @DisplayName("a quiet live socket outlives the idle timeout: its heartbeat, longer here, governs it")
  void liveSocketOutlivesIdle() throws Exception {
    Trainer trainer = registerTrainer();
    try (LiveClient live = strict.connect()) {
      live.hello(trainer.api().token(), "trainer-tablet");
      Thread.sleep(IDLE_MS + SLACK_MS);
      assertThat(live.isClosed()).isFalse();
      live.send(new JsonObject().put("type", "ping").put("clientTime", 1));
      assertThat(live.next().getString("type")).isEqualTo("pong");
    }
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket("localhost", strict.port);
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** False once the server has closed (a write then fails, at the latest on the second try). */
  private static boolean trySend(Socket socket, String text) {
    try {
      send(socket, text);
      return true;
    } catch (IOException closed) {
      return false;
    }
  }

  /** Whether the server closes the connection within {@code millis}, sending nothing (or a 408) first. */
  private static boolean closedWithin(Socket socket, long millis) throws IOException {
    socket.setSoTimeout((int) millis);
    try {
      InputStream in = socket.getInputStream();
      byte[] received = in.readAllBytes();
      String text = new String(received, StandardCharsets.US_ASCII);
      assertThat(text).as("what came before the close").satisfiesAnyOf(
          t -> assertThat(t).isEmpty(), t -> assertThat(t).startsWith("HTTP/1.1 408"));
      return true;
    } catch (SocketTimeoutException open) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  /** One response with a Content-Length: its head and body. */
  private static String readResponse(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before the response ended: " + head);
      }
      head.write(b);
    }
    String text = head.toString(StandardCharsets.US_ASCII);
    int length = Integer.parseInt(text.replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
    return text + new String(in.readNBytes(length), StandardCharsets.US_ASCII);
  }
}
