package app.spotter.live.fanout;

import app.spotter.auth.Role;
import app.spotter.live.command.LiveRepository;
import app.spotter.live.command.PlainUuid;
import app.spotter.live.view.LiveViews;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The sessions one socket follows: subscribe (snapshot or catch-up), subscribe-display, subscribe-own, unsubscribe,
 * and every event of those sessions exactly once, in seq order. Runs on the socket's event loop; the
 * hub reaches it from other threads only through {@link #onEvent}, {@link #onSessionMessage},
 * {@link #onSessionStarted} and {@link #repairAll}.
 */
public final class SessionFeed {
  /** Subscribe messages a socket may send per second, and at once: each one may read a snapshot. */
  static final int SUBSCRIBES_PER_SECOND = 5;
  static final int SUBSCRIBE_BURST = 20;

  /** How long a gap may stay open before the missed events are read from the log. */
  static final long GAP_REPAIR_MS = 250;

  private final Peer connection;
  private final LiveHub hub;
  private final FeedReads reads;
  private final Presence presence;
  private final LiveMetrics metrics;
  private final Context context;
  private final Map<UUID, Subscription> subscriptions = new HashMap<>();
  private final TokenBucket bucket = new TokenBucket(SUBSCRIBES_PER_SECOND, SUBSCRIBE_BURST);
  /**
   * After subscribe-display or subscribe-own: which of the trainer's sessions started later this socket
   * follows (a display's once its scope is read). Such a socket leaves a session at its end.
   */
  private Predicate<LiveRepository.LiveSessionPlace> startedLater;

  public SessionFeed(Peer connection, Context context, LiveHub hub, FeedReads reads, Presence presence,
      LiveMetrics metrics) {
    this.connection = connection;
    this.hub = hub;
    this.reads = reads;
    this.presence = presence;
    this.metrics = metrics;
    this.context = context;
  }

  /** subscribe and subscribe-display share one rate limit; the error names the session, if any. */
  public boolean tryTake(JsonObject message) {
    if (bucket.tryTake()) {
      return true;
    }
    connection.sendError("rate-limited", "too many subscribe messages: wait a moment", message.getValue("sessionId"));
    return false;
  }

  public void subscribe(JsonObject message) {
    UUID sessionId = PlainUuid.orNull(message.getValue("sessionId"));
    Long afterSeq = message.getValue("afterSeq") instanceof Number n ? n.longValue() : null;
    if (sessionId == null) {
      connection.sendError("not-found", "no such session", message.getValue("sessionId"));
      return;
    }
    reads.visible(connection.principal(), sessionId).onComplete(visible -> {
      if (visible.failed() || !visible.result()) {
        connection.sendError("not-found", "no such session", sessionId.toString());
        return;
      }
      follow(sessionId, afterSeq);
    });
  }

  public void subscribeDisplay() {
    if (connection.principal().role() != Role.DISPLAY) {
      connection.sendError("forbidden", "only a display may subscribe-display");
      return;
    }
    reads.displayScope(connection.principal().id())
        .onSuccess(scope -> followAsStarted(session -> scope.covers(session.location())));
  }

  /** A trainee's phone: its own live session now, and each one started later, pushed as a snapshot. */
  public void subscribeOwn() {
    if (connection.principal().role() != Role.TRAINEE) {
      connection.sendError("forbidden", "only a trainee may subscribe-own");
      return;
    }
    UUID traineeId = connection.principal().id();
    followAsStarted(session -> traineeId.equals(session.traineeId()));
  }

  /**
   * Watches the trainer's new sessions first, then reads the live ones: a session started in between
   * is in the list or heard of (or both: it is followed once).
   */
  private void followAsStarted(Predicate<LiveRepository.LiveSessionPlace> scope) {
    if (connection.isClosed()) {
      return;
    }
    startedLater = scope;
    UUID trainerId = connection.principal().trainerId();
    hub.watchTrainer(trainerId, this);
    reads.liveSessionsOf(trainerId).onSuccess(sessions -> sessions.forEach(this::followIfInScope));
  }

  private void followIfInScope(LiveRepository.LiveSessionPlace session) {
    if (startedLater != null && startedLater.test(session) && !subscriptions.containsKey(session.id())) {
      follow(session.id(), null);
    }
  }

  public void unsubscribe(JsonObject message) {
    UUID sessionId = PlainUuid.orNull(message.getValue("sessionId"));
    if (sessionId != null && subscriptions.containsKey(sessionId)) {
      leave(sessionId);
    }
  }

  /** The socket closed: it follows nothing any more. */
  public void leaveAll() {
    List.copyOf(subscriptions.keySet()).forEach(this::leave);
  }

  /** Registers first (so nothing published meanwhile is lost), then sends the catch-up or a snapshot. */
  private void follow(UUID sessionId, Long afterSeq) {
    if (connection.isClosed()) {
      return;
    }
    Subscription subscription = new Subscription(sessionId);
    subscriptions.put(sessionId, subscription);
    hub.subscribe(sessionId, this);
    presence.join(sessionId, connection);
    Future<Void> started = afterSeq == null ? sendSnapshot(subscription) : catchUp(subscription, afterSeq);
    started.onFailure(e -> {
      leave(sessionId);
      connection.sendError("unavailable", "the session could not be loaded: subscribe again", sessionId.toString());
    });
  }

  private void leave(UUID sessionId) {
    subscriptions.remove(sessionId);
    hub.unsubscribe(sessionId, this);
    presence.leave(sessionId, connection);
  }

  private Future<Void> sendSnapshot(Subscription subscription) {
    return reads.snapshot(subscription.sessionId).map(snapshot -> {
      long seq = snapshot.getLong("seq");
      connection.send(new JsonObject().put("type", "snapshot").put("sessionId", subscription.sessionId.toString())
          .put("seq", seq).put("state", LiveViews.state(role(), snapshot.getJsonObject("state"))));
      sendAll(subscription, subscription.start(seq));
      return null;
    });
  }

  /**
   * Exactly the missed events, then {@code subscribed}. A seq the session never reached, or more
   * missed events than a replay holds, gets a snapshot instead.
   */
  private Future<Void> catchUp(Subscription subscription, long afterSeq) {
    return reads.eventsAfter(subscription.sessionId, Math.max(afterSeq, 0)).compose(missed ->
        reads.currentSeq(subscription.sessionId).compose(current -> {
          if (afterSeq < 0 || afterSeq > current || missed.size() >= EventLog.MAX_REPLAY) {
            return sendSnapshot(subscription);
          }
          List<String> replay = missed.stream().map(e -> EventFrame.of(e).text(role())).toList();
          if (tooBigToReplay(replay)) {
            return sendSnapshot(subscription);
          }
          long last = missed.isEmpty() ? afterSeq : missed.get(missed.size() - 1).seq();
          replay.forEach(connection::sendText);
          connection.send(new JsonObject().put("type", "subscribed").put("sessionId", subscription.sessionId.toString())
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
    return bytes > Peer.WRITE_QUEUE_BYTES / 2;
  }

  // ---------------------------------------------------------------- from the hub (any thread)

  void onEvent(EventFrame frame) {
    context.runOnContext(v -> {
      Subscription subscription = subscriptions.get(frame.event.sessionId());
      if (subscription == null || connection.isClosed()) {
        return;
      }
      sendAll(subscription, subscription.accept(frame));
      if (subscription.hasGap() && !subscription.repairScheduled) {
        subscription.repairScheduled = true;
        context.owner().setTimer(GAP_REPAIR_MS, t -> repair(subscription));
      }
    });
  }

  void onSessionMessage(UUID sessionId, JsonObject message) {
    context.runOnContext(v -> {
      if (subscriptions.containsKey(sessionId)) {
        connection.send(message);
      }
    });
  }

  void onSessionStarted(LiveRepository.LiveSessionPlace session) {
    context.runOnContext(v -> followIfInScope(session));
  }

  /** After a lost Redis subscription: fetch whatever each followed session may have missed. */
  void repairAll() {
    context.runOnContext(v -> subscriptions.values().forEach(this::repair));
  }

  private void repair(Subscription subscription) {
    subscription.repairScheduled = false;
    if (!subscription.ready() || connection.isClosed()) {
      return;
    }
    reads.eventsAfter(subscription.sessionId, subscription.lastSeq()).onSuccess(events ->
        events.forEach(e -> sendAll(subscription, subscription.accept(EventFrame.of(e)))));
  }

  private void sendAll(Subscription subscription, List<EventFrame> frames) {
    for (EventFrame frame : frames) {
      metrics.fanout(frame.event.serverTime());
      connection.sendText(frame.text(role()));
      if ("session-ended".equals(frame.event.name()) && startedLater != null) {
        leave(subscription.sessionId);
      }
    }
  }

  private Role role() {
    return connection.principal().role();
  }
}
