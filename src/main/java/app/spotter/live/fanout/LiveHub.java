package app.spotter.live.fanout;

import app.spotter.auth.PasswordVersions;
import app.spotter.auth.Principal;
import app.spotter.live.command.LiveEvent;
import app.spotter.live.command.LiveRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's live subscribers, and its one Redis subscription through which every instance
 * hears every session's events, presence and trainer notices. Connections run on their own event
 * loops; the hub only hands them messages.
 */
public final class LiveHub {
  private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
  private static final String EVENT_MARK = "E";
  private final Vertx vertx;
  private final Redis redis;
  private final PasswordVersions passwordVersions;
  private final Map<UUID, Set<SessionFeed>> bySession = new ConcurrentHashMap<>();
  /** Displays (subscribe-display) and trainees (subscribe-own) that hear of their trainer's new sessions. */
  private final Map<UUID, Set<SessionFeed>> watchersByTrainer = new ConcurrentHashMap<>();
  /** Every open socket of this instance, authenticated or not yet. */
  private final Set<Peer> all = ConcurrentHashMap.newKeySet();
  /** Marks this instance's events on Redis, so their echo is not delivered a second time here. */
  private final String origin = UUID.randomUUID().toString();
  private volatile RedisConnection subscriber;
  private volatile boolean stopped;

  public LiveHub(Vertx vertx, Redis redis, PasswordVersions passwordVersions) {
    this.vertx = vertx;
    this.redis = redis;
    this.passwordVersions = passwordVersions;
  }

  /** Resolves once the Redis subscription stands: without it this instance would hear no other one. */
  public Future<Void> start() {
    return subscribe().onSuccess(conn -> subscriber = conn).mapEmpty();
  }

  public void stop() {
    stopped = true;
    if (subscriber != null) {
      subscriber.close();
    }
  }

  public void add(Peer connection) {
    all.add(connection);
  }

  /** A closed socket; its feed leaves its sessions itself. */
  public void remove(Peer connection) {
    all.remove(connection);
    Principal principal = connection.principal();
    if (principal != null) {
      leave(watchersByTrainer, principal.trainerId(), connection.feed());
    }
  }

  public Set<Peer> connections() {
    return all;
  }

  void subscribe(UUID sessionId, SessionFeed feed) {
    join(bySession, sessionId, feed);
  }

  void unsubscribe(UUID sessionId, SessionFeed feed) {
    leave(bySession, sessionId, feed);
  }

  /** A display or trainee that asked to follow sessions as they start hears of its trainer's new ones. */
  void watchTrainer(UUID trainerId, SessionFeed watcher) {
    join(watchersByTrainer, trainerId, watcher);
  }

  /** Atomic per key with {@link #leave}, so a set is never dropped while a feed joins it. */
  private static void join(Map<UUID, Set<SessionFeed>> map, UUID key, SessionFeed feed) {
    map.compute(key, (k, set) -> {
      Set<SessionFeed> feeds = set == null ? ConcurrentHashMap.newKeySet() : set;
      feeds.add(feed);
      return feeds;
    });
  }

  /** The last feed to leave takes the key with it: sessions come and go, the map stays small. */
  private static void leave(Map<UUID, Set<SessionFeed>> map, UUID key, SessionFeed feed) {
    map.computeIfPresent(key, (k, feeds) -> {
      feeds.remove(feed);
      return feeds.isEmpty() ? null : feeds;
    });
  }

  /** Closes every local socket opened with this access link or as this display. */
  void revoke(UUID credentialId) {
    all.stream().filter(c -> c.openedWith(credentialId)).forEach(Peer::revoke);
  }

  /** Told here or by another instance: this instance's tokens check and sockets follow the new password. */
  void passwordChanged(PasswordChange change) {
    passwordVersions.changed(change.trainerId(), change.passwordVersion());
    all.stream().filter(c -> change.closes(c.principal())).forEach(Peer::revoke);
  }

  /**
   * Whether a socket that has just said hello authenticated with a token from before a password change
   * this instance has applied meanwhile: {@link #passwordChanged} may have passed it before it had a
   * principal. (The version is recorded before the sockets are looked at, so one of the two sees it.)
   */
  public boolean outdated(Principal principal) {
    return principal.signIn() != null
        && passwordVersions.knownAfter(principal.trainerId(), principal.signIn().passwordVersion());
  }

  /** Hands an event to every local subscriber of its session (each drops what it already has). */
  void deliver(EventFrame frame) {
    Set<SessionFeed> subscribers = bySession.get(frame.event.sessionId());
    if (subscribers != null) {
      subscribers.forEach(c -> c.onEvent(frame));
    }
  }

  /** An event as published on Redis is this prefix (a mark, the publishing instance), then the event's JSON. */
  String eventPrefix() {
    return EVENT_MARK + origin;
  }

  private void onMessage(String channel, String payload) {
    if (payload.startsWith(EVENT_MARK)) {
      // This instance's own events are delivered here by the publisher itself.
      if (!payload.startsWith(origin, EVENT_MARK.length())) {
        String json = payload.substring(EVENT_MARK.length() + origin.length());
        deliver(new EventFrame(LiveEvent.fromJson(new JsonObject(json)), json));
      }
      return;
    }
    String key = channel.substring(RedisKeys.CHANNEL_PREFIX.length());
    UUID id = UUID.fromString(key.substring(2));
    JsonObject message = new JsonObject(payload);
    if (key.startsWith("r:")) {
      revoke(id);
    } else if (key.startsWith("p:")) {
      passwordChanged(PasswordChange.fromJson(id, message));
    } else if (key.startsWith("t:")) {
      Set<SessionFeed> watchers = watchersByTrainer.get(id);
      if (watchers != null && "session-started".equals(message.getString("type"))) {
        // An instance of the release before names no trainee: only displays follow its sessions.
        String traineeId = message.getString("traineeId");
        LiveRepository.LiveSessionPlace started = new LiveRepository.LiveSessionPlace(
            UUID.fromString(message.getString("sessionId")), message.getString("location"),
            traineeId == null ? null : UUID.fromString(traineeId));
        watchers.forEach(w -> w.onSessionStarted(started));
      }
    } else if ("event".equals(message.getString("type"))) {
      // An instance of the release before (rolling upgrade): its events are plain JSON.
      deliver(new EventFrame(LiveEvent.fromJson(message), payload));
    } else {
      Set<SessionFeed> subscribers = bySession.get(id);
      if (subscribers != null) {
        subscribers.forEach(c -> c.onSessionMessage(id, message));
      }
    }
  }

  /** One PSUBSCRIBE for everything; on loss, {@link #resubscribe}. */
  private Future<RedisConnection> subscribe() {
    return redis.connect().compose(conn -> {
      conn.handler(this::onPush);
      conn.exceptionHandler(e -> LOG.warn("live subscription failed: {}", e.getMessage()));
      conn.endHandler(v -> {
        subscriber = null;
        if (!stopped) {
          vertx.setTimer(500, t -> resubscribe(1));
        }
      });
      return conn.send(Request.cmd(Command.PSUBSCRIBE).arg(RedisKeys.ALL_CHANNELS)).map(conn);
    });
  }

  /** Until it stands again, with a growing pause; then every subscription repairs its gaps. */
  private void resubscribe(int attempt) {
    if (stopped) {
      return;
    }
    subscribe().onSuccess(conn -> {
      subscriber = conn;
      all.forEach(c -> c.feed().repairAll());
    }).onFailure(e -> {
      LOG.warn("live subscription not connected ({}); retrying", e.getMessage());
      vertx.setTimer(Math.min(5_000, 250L * (attempt + 1)), t -> resubscribe(attempt + 1));
    });
  }

  private void onPush(Response push) {
    // pmessage, pattern, channel, payload
    if (push != null && push.size() == 4 && "pmessage".equals(push.get(0).toString())) {
      try {
        onMessage(push.get(2).toString(), push.get(3).toString());
      } catch (RuntimeException e) {
        LOG.warn("unreadable live message on {}: {}", push.get(2), e.getMessage());
      }
    }
  }

  /** Tells the session's displays and its trainee's phone (on every instance) that it started. */
  public Future<Void> sessionStarted(UUID trainerId, UUID sessionId, String location, UUID traineeId) {
    return redis.send(Request.cmd(Command.PUBLISH).arg(RedisKeys.trainerChannel(trainerId))
        .arg(new JsonObject().put("type", "session-started").put("sessionId", sessionId.toString())
            .put("location", location).put("traineeId", traineeId.toString()).encode())).mapEmpty();
  }
}
