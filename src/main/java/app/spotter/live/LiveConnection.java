package app.spotter.live;

import app.spotter.api.ApiException;
import app.spotter.auth.Principal;
import app.spotter.auth.Role;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;

/**
 * One live socket: hello, the frames it reads, what it writes, heartbeats and closing. What it
 * follows is its {@link SessionFeed}, the commands it sends go through its {@link CommandIntake}.
 * Everything here runs on the socket's own event loop; other threads reach it only through
 * {@link #reconnect}, {@link #revoke} and the feed.
 */
final class LiveConnection {
  static final int CLOSE_UNAUTHORIZED = 4401;
  static final int CLOSE_SLOW_CONSUMER = 4008;
  static final int CLOSE_IDLE = 4000;
  static final int CLOSE_RESTART = 1012;
  /** RFC 6455's "try again later": the server cannot serve this socket for the moment. */
  static final int CLOSE_TRY_AGAIN = 1013;
  /**
   * What may wait unsent for one client before it counts as too slow and is closed with 4008
   * (Netty's high-water mark; Vert.x's default is 64 KiB). Room for a catch-up of hundreds of events
   * or the answers to a burst of the client's own frames (Vert.x flushes only after a whole read),
   * while a client that stops reading holds at most this much here, beyond the kernel's buffers.
   */
  static final int WRITE_QUEUE_BYTES = 1024 * 1024;

  final String id = UUID.randomUUID().toString();
  final long since = System.currentTimeMillis();
  final SessionFeed feed;
  private final ServerWebSocket ws;
  private final Context context;
  private final LiveEngine engine;
  private final CommandIntake commands;
  /** Set once on hello; read by the hub and metrics from other threads. */
  private volatile Principal principal;
  private String device = "other";
  private long lastHeard = System.currentTimeMillis();
  private long helloTimer;
  private long heartbeatTimer;
  private boolean closed;

  LiveConnection(ServerWebSocket ws, Context context, LiveEngine engine) {
    this.ws = ws;
    this.context = context;
    this.engine = engine;
    this.feed = new SessionFeed(this, engine, context);
    this.commands = new CommandIntake(this, engine);
  }

  void open() {
    ws.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(b -> sendError("bad-frame", "send text frames"));
    ws.pongHandler(b -> lastHeard = System.currentTimeMillis());
    ws.closeHandler(v -> onClosed());
    ws.exceptionHandler(e -> close(SocketFailures.closeCode(e), "bad frame"));
    helloTimer = context.owner().setTimer(engine.helloTimeoutMs(), t -> {
      if (principal == null) {
        close(CLOSE_UNAUTHORIZED, "no hello");
      }
    });
    heartbeatTimer = context.owner().setPeriodic(engine.heartbeatMs(), t -> heartbeat());
    // Known to the hub from the start, so a shutdown reaches sockets that have not said hello yet.
    engine.hub().add(this);
  }

  Principal principal() {
    return principal;
  }

  String device() {
    return device;
  }

  boolean isClosed() {
    return closed;
  }

  /** Whether this socket authenticated through that access link (a trainee) or as that display. */
  boolean openedWith(UUID credentialId) {
    Principal p = principal;
    return p != null && (credentialId.equals(p.linkId()) || p.role() == Role.DISPLAY && credentialId.equals(p.id()));
  }

  // ---------------------------------------------------------------- incoming frames

  private void onText(String text) {
    lastHeard = System.currentTimeMillis();
    JsonObject message;
    try {
      message = new JsonObject(text);
    } catch (RuntimeException e) {
      sendError("bad-frame", "a frame must be one JSON object");
      return;
    }
    String type = message.getString("type");
    if (principal == null && !"hello".equals(type)) {
      sendError("unauthorized", "say hello with a token first");
      close(CLOSE_UNAUTHORIZED, "no hello");
      return;
    }
    switch (type == null ? "" : type) {
      case "hello" -> hello(message);
      case "ping" -> pong(message.getValue("clientTime"));
      case "subscribe" -> {
        if (feed.tryTake(message)) {
          feed.subscribe(message);
        }
      }
      case "subscribe-display" -> {
        if (feed.tryTake(message)) {
          feed.subscribeDisplay();
        }
      }
      case "subscribe-own" -> {
        if (feed.tryTake(message)) {
          feed.subscribeOwn();
        }
      }
      case "unsubscribe" -> feed.unsubscribe(message);
      case "command" -> commands.accept(message);
      default -> sendError("unknown-type", "unknown message type '" + type + "'");
    }
  }

  /** clientTime is epoch millis; anything else is not echoed (a pong never carries what a client made up). */
  private void pong(Object clientTime) {
    send(new JsonObject().put("type", "pong").put("clientTime", clientTime instanceof Number n ? n : null)
        .put("serverTime", System.currentTimeMillis()));
  }

  private void hello(JsonObject message) {
    if (principal != null) {
      sendError("bad-frame", "already said hello");
      return;
    }
    device = deviceName(message.getString("device"));
    engine.authenticate(message.getString("token")).onComplete(result -> {
      if (closed) {
        return;
      }
      if (result.succeeded()) {
        // Set before the check: a password change applied meanwhile either closes this socket or is seen here.
        principal = result.result();
      } else if (result.cause() instanceof ApiException unavailable && unavailable.status() == 503) {
        // Postgres out of reach: the token may be fine, so no 4401 (a client would drop it); come back later.
        sendError("unavailable", "the token could not be checked right now: try again in a moment");
        close(CLOSE_TRY_AGAIN, "unavailable");
        return;
      }
      if (principal == null || engine.hub().outdated(principal)) {
        sendError("unauthorized", "the token is invalid, expired or revoked");
        close(CLOSE_UNAUTHORIZED, "unauthorized");
        return;
      }
      context.owner().cancelTimer(helloTimer);
      send(new JsonObject().put("type", "welcome").put("connectionId", id).put("role", principal.role().wire())
          .put("serverTime", System.currentTimeMillis()).put("heartbeatMs", engine.heartbeatMs()));
    });
  }

  // ---------------------------------------------------------------- outgoing

  void send(JsonObject message) {
    sendText(message.encode());
  }

  /** A client that cannot keep up is dropped (it resumes with afterSeq) rather than buffered without bound. */
  void sendText(String text) {
    // The peer may have closed before our close handler ran: writing then would throw.
    if (closed || ws.isClosed()) {
      return;
    }
    if (ws.writeQueueFull()) {
      close(CLOSE_SLOW_CONSUMER, "too slow");
      return;
    }
    ws.writeTextMessage(text);
  }

  void sendError(String code, String message) {
    sendError(code, message, null);
  }

  void sendError(String code, String message, Object sessionId) {
    JsonObject error = new JsonObject().put("type", "error").put("code", code).put("message", message);
    if (sessionId != null) {
      error.put("sessionId", sessionId);
    }
    send(error);
  }

  private void heartbeat() {
    if (System.currentTimeMillis() - lastHeard > 3L * engine.heartbeatMs()) {
      close(CLOSE_IDLE, "silent too long");
    } else if (!closed) {
      ws.writePing(Buffer.buffer("hb"));
    }
  }

  // ---------------------------------------------------------------- closing

  /** Shutdown: tell the client to come back (to another instance), then close. */
  void reconnect(String reason) {
    context.runOnContext(v -> {
      send(new JsonObject().put("type", "reconnect").put("reason", reason));
      close(CLOSE_RESTART, reason);
    });
  }

  /** Revocation of the token this socket authenticated with. */
  void revoke() {
    context.runOnContext(v -> close(CLOSE_UNAUTHORIZED, "revoked"));
  }

  void close(int code, String reason) {
    if (closed) {
      return;
    }
    closed = true;
    ws.close((short) code, reason);
    onClosed();
  }

  private void onClosed() {
    closed = true;
    context.owner().cancelTimer(helloTimer);
    context.owner().cancelTimer(heartbeatTimer);
    engine.hub().remove(this);
    feed.leaveAll();
  }

  static UUID uuid(Object value) {
    try {
      return value instanceof String s ? UUID.fromString(s) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String deviceName(String device) {
    return device != null && List.of("trainer-tablet", "trainee-phone", "wall-display", "other").contains(device)
        ? device : "other";
  }
}
