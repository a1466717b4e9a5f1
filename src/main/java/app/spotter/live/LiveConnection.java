package app.spotter.live;

import app.spotter.auth.Principal;
import app.spotter.auth.Role;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One live socket. Everything here runs on the socket's own event loop; other threads reach it
 * only through {@link #onEvent}, {@link #onSessionMessage} and {@link #onSessionStarted}.
 */
final class LiveConnection {
  static final int CLOSE_UNAUTHORIZED = 4401;
  static final int CLOSE_SLOW_CONSUMER = 4008;
  static final int CLOSE_IDLE = 4000;
  static final int CLOSE_RESTART = 1012;
  /**
   * What may wait unsent for one client before it counts as too slow and is closed with 4008
   * (Netty's high-water mark; Vert.x's default is 64 KiB). Room for a catch-up of hundreds of events
   * or the answers to a burst of the client's own frames (Vert.x flushes only after a whole read),
   * while a client that stops reading holds at most this much here, beyond the kernel's buffers.
   */
  static final int WRITE_QUEUE_BYTES = 1024 * 1024;

  final String id = UUID.randomUUID().toString();
  final long since = System.currentTimeMillis();
  private final ServerWebSocket ws;
  private final Context context;
  private final LiveEngine engine;
  private final Map<UUID, Subscription> subscriptions = new HashMap<>();
  private final TokenBucket commands;
  /** Set once on hello; read by the hub and metrics from other threads. */
  private volatile Principal principal;
  private String device = "other";
  private String displayLocation;
  private boolean followsTrainer;
  private long lastHeard = System.currentTimeMillis();
  private long helloTimer;
  private long heartbeatTimer;
  private boolean closed;
  private Future<?> lastCommand = Future.succeededFuture();

  LiveConnection(ServerWebSocket ws, Context context, LiveEngine engine) {
    this.ws = ws;
    this.context = context;
    this.engine = engine;
    this.commands = new TokenBucket(engine.limits().liveCommandsPerSecond(), engine.limits().liveCommandBurst());
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
      case "subscribe" -> subscribe(message);
      case "subscribe-display" -> subscribeDisplay();
      case "unsubscribe" -> unsubscribe(message);
      case "command" -> command(message);
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
      if (result.failed()) {
        sendError("unauthorized", "the token is invalid, expired or revoked");
        close(CLOSE_UNAUTHORIZED, "unauthorized");
        return;
      }
      principal = result.result();
      context.owner().cancelTimer(helloTimer);
      send(new JsonObject().put("type", "welcome").put("connectionId", id).put("role", principal.role().wire())
          .put("serverTime", System.currentTimeMillis()).put("heartbeatMs", engine.heartbeatMs()));
    });
  }

  private void subscribe(JsonObject message) {
    UUID sessionId = uuid(message.getValue("sessionId"));
    Long afterSeq = message.getValue("afterSeq") instanceof Number n ? n.longValue() : null;
    if (sessionId == null) {
      sendError("not-found", "no such session", message.getValue("sessionId"));
      return;
    }
    engine.visible(principal, sessionId).onComplete(visible -> {
      if (visible.failed() || !visible.result()) {
        sendError("not-found", "no such session", sessionId.toString());
        return;
      }
      follow(sessionId, afterSeq);
    });
  }

  /** Registers first (so nothing published meanwhile is lost), then sends the catch-up or a snapshot. */
  private void follow(UUID sessionId, Long afterSeq) {
    if (closed) {
      return;
    }
    Subscription subscription = new Subscription(sessionId);
    subscriptions.put(sessionId, subscription);
    engine.hub().subscribe(sessionId, this);
    engine.presence().join(sessionId, this);
    Future<Void> started = afterSeq == null ? sendSnapshot(subscription) : catchUp(subscription, afterSeq);
    started.onFailure(e -> {
      subscriptions.remove(sessionId);
      engine.hub().unsubscribe(sessionId, this);
      sendError("unavailable", "the session could not be loaded: subscribe again", sessionId.toString());
    });
  }

  private Future<Void> sendSnapshot(Subscription subscription) {
    return engine.snapshot(subscription.sessionId).map(snapshot -> {
      long seq = snapshot.getLong("seq");
      send(new JsonObject().put("type", "snapshot").put("sessionId", subscription.sessionId.toString()).put("seq", seq)
          .put("state", LiveViews.state(principal.role(), snapshot.getJsonObject("state"))));
      sendAll(subscription, subscription.start(seq));
      return null;
    });
  }

  /**
   * Exactly the missed events, then {@code subscribed}. A seq the session never reached, or more
   * missed events than a replay holds, gets a snapshot instead.
   */
  private Future<Void> catchUp(Subscription subscription, long afterSeq) {
    return engine.eventLog().after(subscription.sessionId, Math.max(afterSeq, 0)).compose(missed ->
        engine.currentSeq(subscription.sessionId).compose(current -> {
          List<String> replay = missed.stream().map(e -> EventFrame.of(e).text(principal.role())).toList();
          if (afterSeq < 0 || afterSeq > current || missed.size() >= EventLog.MAX_REPLAY || tooBigToReplay(replay)) {
            return sendSnapshot(subscription);
          }
          long last = missed.isEmpty() ? afterSeq : missed.get(missed.size() - 1).seq();
          replay.forEach(this::sendText);
          send(new JsonObject().put("type", "subscribed").put("sessionId", subscription.sessionId.toString())
              .put("seq", last).put("recovered", true));
          sendAll(subscription, subscription.start(last));
          return Future.succeededFuture();
        }));
  }

  /**
   * A replay is written in one go: past half the write-queue bound it could get a reader that keeps
   * up dropped as too slow, again on every retry, so a snapshot (bounded by the record) goes instead.
   */
  private static boolean tooBigToReplay(List<String> replay) {
    long bytes = 0;
    for (String text : replay) {
      bytes += text.getBytes(StandardCharsets.UTF_8).length;
    }
    return bytes > WRITE_QUEUE_BYTES / 2;
  }

  private void subscribeDisplay() {
    if (principal.role() != Role.DISPLAY) {
      sendError("forbidden", "only a display may subscribe-display");
      return;
    }
    followsTrainer = true;
    engine.hub().watchTrainer(principal.trainerId(), this);
    engine.displayLocation(principal.id()).compose(location -> {
      displayLocation = location;
      return engine.liveSessionsOf(principal.trainerId(), location);
    }).onSuccess(ids -> ids.forEach(id -> {
      if (!subscriptions.containsKey(id)) {
        follow(id, null);
      }
    }));
  }

  private void unsubscribe(JsonObject message) {
    UUID sessionId = uuid(message.getValue("sessionId"));
    if (sessionId != null && subscriptions.remove(sessionId) != null) {
      engine.hub().unsubscribe(sessionId, this);
      engine.presence().leave(sessionId, this);
    }
  }

  private void command(JsonObject message) {
    String commandId = message.getValue("commandId") instanceof String s && !s.isBlank() && s.length() <= 100 ? s : null;
    if (commandId == null) {
      send(CommandRejected.invalidField("commandId", "required: a string of at most 100 characters")
          .toJson(null));
      return;
    }
    String name = message.getValue("name") instanceof String s ? s : null;
    if (!commands.tryTake()) {
      engine.metrics().command(name, "rate-limited");
      send(CommandRejected.rateLimited().toJson(commandId));
      return;
    }
    UUID sessionId = uuid(message.getValue("sessionId"));
    if (sessionId == null) {
      send(CommandRejected.notFound("no such session").toJson(commandId));
      return;
    }
    long started = System.nanoTime();
    // One after another, in the order sent: a replayed offline queue (log-set s3, update-set s3) depends on it.
    lastCommand = lastCommand.transform(previous -> engine.processor()
        .execute(principal, sessionId, commandId, name, message.getValue("payload", new JsonObject()))
        .onComplete(result -> {
          if (result.succeeded()) {
            engine.metrics().command(name, "ack");
            engine.metrics().ackLatency(System.nanoTime() - started);
            send(new JsonObject().put("type", "ack").put("commandId", commandId).put("seq", result.result()));
          } else {
            CommandRejected rejected = result.cause() instanceof CommandRejected r ? r
                : CommandRejected.unavailable("the command could not be processed: retry");
            engine.metrics().command(name, rejected.code());
            send(rejected.toJson(commandId));
          }
        }));
  }

  // ---------------------------------------------------------------- from the hub (any thread)

  void onEvent(EventFrame frame) {
    context.runOnContext(v -> {
      Subscription subscription = subscriptions.get(frame.event.sessionId());
      if (subscription == null || closed) {
        return;
      }
      sendAll(subscription, subscription.accept(frame));
      if (subscription.hasGap() && !subscription.repairScheduled) {
        subscription.repairScheduled = true;
        context.owner().setTimer(LiveEngine.GAP_REPAIR_MS, t -> repair(subscription));
      }
    });
  }

  void onSessionMessage(UUID sessionId, JsonObject message) {
    context.runOnContext(v -> {
      if (subscriptions.containsKey(sessionId) && !closed) {
        send(message);
      }
    });
  }

  void onSessionStarted(UUID sessionId, String location) {
    context.runOnContext(v -> {
      boolean here = displayLocation == null || displayLocation.equals(location);
      if (followsTrainer && here && !closed && !subscriptions.containsKey(sessionId)) {
        follow(sessionId, null);
      }
    });
  }

  /** After a lost Redis subscription: fetch whatever each followed session may have missed. */
  void repairAll() {
    context.runOnContext(v -> subscriptions.values().forEach(this::repair));
  }

  private void repair(Subscription subscription) {
    subscription.repairScheduled = false;
    if (!subscription.ready() || closed) {
      return;
    }
    engine.eventLog().after(subscription.sessionId, subscription.lastSeq()).onSuccess(events ->
        events.forEach(e -> sendAll(subscription, subscription.accept(EventFrame.of(e)))));
  }

  // ---------------------------------------------------------------- outgoing

  private void sendAll(Subscription subscription, List<EventFrame> frames) {
    for (EventFrame frame : frames) {
      engine.metrics().fanout(frame.event.serverTime());
      sendText(frame.text(principal.role()));
      if ("session-ended".equals(frame.event.name()) && followsTrainer) {
        subscriptions.remove(subscription.sessionId);
        engine.hub().unsubscribe(subscription.sessionId, this);
        engine.presence().leave(subscription.sessionId, this);
      }
    }
  }

  /** A client that cannot keep up is dropped (it resumes with afterSeq) rather than buffered without bound. */
  void send(JsonObject message) {
    sendText(message.encode());
  }

  private void sendText(String text) {
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

  private void sendError(String code, String message) {
    sendError(code, message, null);
  }

  private void sendError(String code, String message, Object sessionId) {
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
    subscriptions.keySet().forEach(id -> engine.presence().leave(id, this));
    subscriptions.clear();
  }

  private static UUID uuid(Object value) {
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
