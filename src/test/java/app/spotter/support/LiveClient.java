package app.spotter.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A live-protocol client for tests: every server message is queued; helpers wait for the one wanted. */
public final class LiveClient implements AutoCloseable {
  // Held in a field: Vert.x closes clients nothing references.
  private final WebSocketClient client;
  private final WebSocket socket;
  private final LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
  /** Every text frame as it came off the wire, for tests of what a frame may never contain. */
  private final Queue<String> frames = new ConcurrentLinkedQueue<>();
  private final List<JsonObject> seen = new ArrayList<>();
  private volatile Short closeCode;
  private JsonObject welcome;

  private LiveClient(Vertx vertx, int port, boolean offerCompression) {
    client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(2_000_000)
        .setMaxMessageSize(2_000_000).setTryUsePerMessageCompression(offerCompression));
    socket = client.connect(new WebSocketConnectOptions().setPort(port).setHost("localhost").setURI("/api/v1/live"))
        .await();
    socket.textMessageHandler(text -> {
      frames.add(text);
      inbox.add(new JsonObject(text));
    });
    socket.closeHandler(v -> closeCode = socket.closeStatusCode());
  }

  public static LiveClient connect(TestStack stack) {
    return new LiveClient(stack.vertx, stack.port, false);
  }

  public static LiveClient connect(Vertx vertx, int port) {
    return new LiveClient(vertx, port, false);
  }

  /** Offers permessage-deflate in its handshake, as browsers do. */
  public static LiveClient connectOfferingCompression(TestStack stack) {
    return new LiveClient(stack.vertx, stack.port, true);
  }

  /** The WebSocket extensions the server's handshake answer took on, or null. */
  public String acceptedExtensions() {
    return socket.headers().get("sec-websocket-extensions");
  }

  /** Says hello and waits for welcome. */
  public LiveClient hello(String token, String device) {
    send(new JsonObject().put("type", "hello").put("token", token).put("device", device));
    welcome = next();
    if (!"welcome".equals(welcome.getString("type"))) {
      throw new AssertionError("expected welcome, got " + welcome);
    }
    return this;
  }

  /** The text of every frame received so far, exactly as sent. */
  public List<String> frames() {
    return List.copyOf(frames);
  }

  /** The server's welcome (connectionId, role, serverTime, heartbeatMs). */
  public JsonObject welcome() {
    return welcome;
  }

  public void send(JsonObject message) {
    socket.writeTextMessage(message.encode()).await();
  }

  public void sendRaw(String text) {
    socket.writeTextMessage(text).await();
  }

  /** Sends a command and returns the ack or rejection for it (other messages stay queued). */
  public JsonObject command(String sessionId, String name, JsonObject payload) {
    return command(sessionId, UUID.randomUUID().toString(), name, payload);
  }

  public JsonObject command(String sessionId, String commandId, String name, JsonObject payload) {
    send(new JsonObject().put("type", "command").put("sessionId", sessionId).put("commandId", commandId)
        .put("name", name).put("payload", payload));
    return next(m -> commandId.equals(m.getString("commandId"))
        && ("ack".equals(m.getString("type")) || "rejected".equals(m.getString("type"))));
  }

  public JsonObject subscribe(String sessionId, Long afterSeq) {
    JsonObject message = new JsonObject().put("type", "subscribe").put("sessionId", sessionId);
    if (afterSeq != null) {
      message.put("afterSeq", afterSeq);
    }
    send(message);
    return next(m -> sessionId.equals(m.getString("sessionId"))
        && List.of("snapshot", "subscribed", "error").contains(m.getString("type")));
  }

  /** Drops every message received so far, so what comes next can be told apart from it. */
  public void forget() {
    seen.clear();
    inbox.clear();
  }

  /** The next message of any kind (5 s at most). */
  public JsonObject next() {
    return next(m -> true);
  }

  /** The first queued or coming message matching; earlier non-matching ones stay available in {@link #seen}. */
  public JsonObject next(Predicate<JsonObject> wanted) {
    JsonObject m = poll(wanted, 5_000);
    if (m == null) {
      throw new AssertionError("no matching message within 5 s; unmatched so far: " + seen);
    }
    return m;
  }

  /** Like {@link #next(Predicate)}, but waits at most {@code millis} and answers null if nothing matching came. */
  public JsonObject poll(Predicate<JsonObject> wanted, long millis) {
    inbox.drainTo(seen); // everything received so far, in order, also when not waiting at all
    for (JsonObject m : List.copyOf(seen)) {
      if (wanted.test(m)) {
        seen.remove(m);
        return m;
      }
    }
    long deadline = System.currentTimeMillis() + millis;
    try {
      while (System.currentTimeMillis() < deadline) {
        JsonObject m = inbox.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
        if (m == null) {
          break;
        }
        if (wanted.test(m)) {
          return m;
        }
        seen.add(m);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  /** Events of a session, in arrival order, until {@code count} have come. */
  public List<JsonObject> events(String sessionId, int count) {
    List<JsonObject> events = new ArrayList<>();
    while (events.size() < count) {
      events.add(next(m -> "event".equals(m.getString("type")) && sessionId.equals(m.getString("sessionId"))));
    }
    return events;
  }

  /** Waits for the server to close the socket; returns the close code. */
  public short awaitClose(long millis) {
    long deadline = System.currentTimeMillis() + millis;
    while (closeCode == null && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (closeCode == null) {
      throw new AssertionError("socket still open after " + millis + " ms");
    }
    return closeCode;
  }

  public boolean isClosed() {
    return closeCode != null;
  }

  @Override
  public void close() {
    if (closeCode == null) {
      socket.close().otherwiseEmpty().await();
    }
    client.close();
  }
}
