package app.spotter.live.socket;

import app.spotter.api.ApiException;
import app.spotter.auth.Principal;
import app.spotter.auth.Role;
import app.spotter.config.SpotterConfig;
import app.spotter.live.fanout.LiveHub;
import app.spotter.live.fanout.Peer;
import app.spotter.live.fanout.SessionFeed;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * One live socket: hello, the frames it reads, what it writes, heartbeats and closing. What it
 * follows is its {@link SessionFeed}, the commands it sends go through its {@link CommandIntake}.
 * Everything here runs on the socket's own event loop; other threads reach it only through
 * {@link #reconnect}, {@link #revoke} and the feed.
 */
final class LiveConnection implements Peer {
  static final int CLOSE_UNAUTHORIZED = 4401;
  static final int CLOSE_SLOW_CONSUMER = 4008;
  static final int CLOSE_IDLE = 4000;
  static final int CLOSE_RESTART = 1012;
  /** RFC 6455's "try again later": the server cannot serve this socket for the moment. */
  static final int CLOSE_TRY_AGAIN = 1013;
  private final String id = UUID.randomUUID().toString();
  private final long since = System.currentTimeMillis();
  private final ServerWebSocket ws;
  private final Context context;
  private final LiveHub hub;
  private final TokenCheck tokens;
  private final long heartbeatMs;
  private final long helloTimeoutMs;
  private final SessionFeed feed;
  private final CommandIntake commands;
  /** Set once on hello; read by the hub and metrics from other threads. */
  private volatile Principal principal;
  private String device = "other";
  private long lastHeard = System.currentTimeMillis();
  private long helloTimer;
  private long heartbeatTimer;
  private boolean closed;

  LiveConnection(ServerWebSocket ws, Context context, LiveHub hub, TokenCheck tokens, SpotterConfig.LiveTiming timing,
      Function<LiveConnection, SessionFeed> feeds, Function<LiveConnection, CommandIntake> intakes) {
    this.ws = ws;
    this.context = context;
    this.hub = hub;
    this.tokens = tokens;
    this.heartbeatMs = timing.heartbeat().toMillis();
    this.helloTimeoutMs = timing.helloTimeout().toMillis();
    this.feed = feeds.apply(this);
    this.commands = intakes.apply(this);
  }

  void open() {
    ws.setWriteQueueMaxSize(Peer.WRITE_QUEUE_BYTES);
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(b -> sendError("bad-frame", "send text frames"));
    ws.pongHandler(b -> lastHeard = System.currentTimeMillis());
    ws.closeHandler(v -> onClosed());
    ws.exceptionHandler(e -> close(SocketFailures.closeCode(e), "bad frame"));
    helloTimer = context.owner().setTimer(helloTimeoutMs, t -> {
      if (principal == null) {
        close(CLOSE_UNAUTHORIZED, "no hello");
      }
    });
    heartbeatTimer = context.owner().setPeriodic(heartbeatMs, t -> heartbeat());
    // Known to the hub from the start, so a shutdown reaches sockets that have not said hello yet.
    hub.add(this);
  }

  @Override
  public String connectionId() {
    return id;
  }

  @Override
  public Principal principal() {
    return principal;
  }

  @Override
  public String device() {
    return device;
  }

  @Override
  public long since() {
    return since;
  }

  @Override
  public SessionFeed feed() {
    return feed;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean openedWith(UUID credentialId) {
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
    tokens.authenticate(message.getString("token")).onComplete(result -> {
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
      if (principal == null || hub.outdated(principal)) {
        sendError("unauthorized", "the token is invalid, expired or revoked");
        close(CLOSE_UNAUTHORIZED, "unauthorized");
        return;
      }
      context.owner().cancelTimer(helloTimer);
      send(new JsonObject().put("type", "welcome").put("connectionId", id).put("role", principal.role().wire())
          .put("serverTime", System.currentTimeMillis()).put("heartbeatMs", heartbeatMs));
    });
  }

  // ---------------------------------------------------------------- outgoing

  @Override
  public void send(JsonObject message) {
    sendText(message.encode());
  }

  @Override
  public void sendText(String text) {
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

  @Override
  public void sendError(String code, String message) {
    sendError(code, message, null);
  }

  @Override
  public void sendError(String code, String message, Object sessionId) {
    JsonObject error = new JsonObject().put("type", "error").put("code", code).put("message", message);
    if (sessionId != null) {
      error.put("sessionId", sessionId);
    }
    send(error);
  }

  private void heartbeat() {
    if (System.currentTimeMillis() - lastHeard > 3L * heartbeatMs) {
      close(CLOSE_IDLE, "silent too long");
    } else if (!closed) {
      ws.writePing(Buffer.buffer("hb"));
    }
  }

  // ---------------------------------------------------------------- closing

  @Override
  public void reconnect(String reason) {
    context.runOnContext(v -> {
      send(new JsonObject().put("type", "reconnect").put("reason", reason));
      close(CLOSE_RESTART, reason);
    });
  }

  @Override
  public void revoke() {
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
    hub.remove(this);
    feed.leaveAll();
  }

  private static String deviceName(String device) {
    return device != null && List.of("trainer-tablet", "trainee-phone", "wall-display", "other").contains(device)
        ? device : "other";
  }
}
