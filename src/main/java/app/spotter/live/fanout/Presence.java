package app.spotter.live.fanout;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which devices watch a session, across instances: a Redis hash per session (connection → device),
 * each entry refreshed by its instance every third of the expiry (SPOTTER_LIVE_PRESENCE_EXPIRY, 30 s).
 * An entry not refreshed for the expiry belongs to a vanished device or instance and is swept.
 * Every change is published to the session's subscribers as a {@code presence} message.
 */
public final class Presence {
  private static final Logger LOG = LoggerFactory.getLogger(Presence.class);
  /**
   * Sessions refreshed per Redis round trip, one batch after another: a request per socket at once
   * overflowed the client's queue of 1,024 waiting requests beyond about 1,040 sockets, and event
   * publishes queued behind it failed.
   */
  private static final int SESSIONS_PER_BATCH = 100;
  /** A refresh still running when the next is due (a slow Redis) is not overtaken by it. */
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private final Vertx vertx;
  private final Redis redis;
  private final long expiryMs;
  /** This instance's entries: session → connections, to refresh and to sweep around. */
  private final Map<UUID, Set<Peer>> local = new ConcurrentHashMap<>();
  private long timer = -1;

  public Presence(Vertx vertx, Redis redis, long expiryMs) {
    this.vertx = vertx;
    this.redis = redis;
    this.expiryMs = expiryMs;
  }

  public void start() {
    timer = vertx.setPeriodic(Math.max(1, expiryMs / 3), t -> refreshAndSweep());
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }

  void join(UUID sessionId, Peer connection) {
    // Atomic per key with the sweep's removal of an empty set, so a join is never dropped with it.
    local.compute(sessionId, (id, set) -> {
      Set<Peer> connections = set == null ? ConcurrentHashMap.newKeySet() : set;
      connections.add(connection);
      return connections;
    });
    write(sessionId, connection).compose(v -> publish(sessionId));
  }

  void leave(UUID sessionId, Peer connection) {
    Set<Peer> set = local.get(sessionId);
    if (set != null) {
      set.remove(connection);
    }
    redis.send(Request.cmd(Command.HDEL).arg(RedisKeys.presence(sessionId)).arg(connection.connectionId()))
        .compose(v -> publish(sessionId));
  }

  /** The devices currently watching, for snapshots. */
  Future<JsonArray> devices(UUID sessionId) {
    return redis.send(Request.cmd(Command.HGETALL).arg(RedisKeys.presence(sessionId))).map(this::fresh)
        .otherwise(new JsonArray());
  }

  private Future<Void> write(UUID sessionId, Peer c) {
    return redis.batch(List.of(Request.cmd(Command.HSET).arg(RedisKeys.presence(sessionId)).arg(c.connectionId()).arg(entry(c)),
        expire(sessionId))).mapEmpty();
  }

  private static String entry(Peer c) {
    return new JsonObject().put("connectionId", c.connectionId()).put("role", c.principal().role().wire())
        .put("device", c.device()).put("since", c.since()).put("seenAt", System.currentTimeMillis()).encode();
  }

  private Request expire(UUID sessionId) {
    return Request.cmd(Command.PEXPIRE).arg(RedisKeys.presence(sessionId)).arg(expiryMs * 4);
  }

  private Future<Void> publish(UUID sessionId) {
    return devices(sessionId).compose(devices -> redis.send(Request.cmd(Command.PUBLISH)
        .arg(RedisKeys.sessionChannel(sessionId))
        .arg(new JsonObject().put("type", "presence").put("sessionId", sessionId.toString()).put("devices", devices)
            .encode()))).mapEmpty();
  }

  private void refreshAndSweep() {
    if (!refreshing.compareAndSet(false, true)) {
      return;
    }
    List<UUID> sessions = new ArrayList<>();
    local.forEach((sessionId, connections) -> {
      if (connections.isEmpty()) {
        local.computeIfPresent(sessionId, (id, set) -> set.isEmpty() ? null : set);
      } else {
        sessions.add(sessionId);
      }
    });
    Future<Void> previous = Future.succeededFuture();
    for (int from = 0; from < sessions.size(); from += SESSIONS_PER_BATCH) {
      List<UUID> batch = sessions.subList(from, Math.min(sessions.size(), from + SESSIONS_PER_BATCH));
      previous = previous.transform(done -> refresh(batch) // a failed batch does not stop the next
          .onFailure(e -> LOG.warn("presence of {} sessions not refreshed: {}", batch.size(), e.getMessage())));
    }
    previous.onComplete(done -> refreshing.set(false));
  }

  /** Rewrites this instance's entries of these sessions and reads each session's back to sweep it: one round trip. */
  private Future<Void> refresh(List<UUID> sessions) {
    List<UUID> refreshed = new ArrayList<>();
    List<Request> batch = new ArrayList<>();
    for (UUID sessionId : sessions) {
      List<Peer> connections = List.copyOf(local.getOrDefault(sessionId, Set.of()));
      if (!connections.isEmpty()) { // its last connection may have left meanwhile
        Request entries = Request.cmd(Command.HSET).arg(RedisKeys.presence(sessionId));
        connections.forEach(c -> entries.arg(c.connectionId()).arg(entry(c)));
        refreshed.add(sessionId);
        batch.add(entries);
        batch.add(expire(sessionId));
        batch.add(Request.cmd(Command.HGETALL).arg(RedisKeys.presence(sessionId)));
      }
    }
    return batch.isEmpty() ? Future.succeededFuture() : redis.batch(batch).compose(replies -> {
      List<Future<Void>> sweeps = new ArrayList<>(refreshed.size());
      for (int i = 0; i < refreshed.size(); i++) {
        sweeps.add(sweep(refreshed.get(i), replies.get(3 * i + 2)));
      }
      return Future.all(sweeps).mapEmpty();
    });
  }

  /** Removes stale entries and, if any went, tells the session. */
  private Future<Void> sweep(UUID sessionId, Response all) {
    long cutoff = System.currentTimeMillis() - expiryMs;
    Request hdel = Request.cmd(Command.HDEL).arg(RedisKeys.presence(sessionId));
    int stale = 0;
    if (all != null) {
      for (String field : all.getKeys()) {
        if (new JsonObject(all.get(field).toString()).getLong("seenAt") < cutoff) {
          hdel.arg(field);
          stale++;
        }
      }
    }
    return stale == 0 ? Future.succeededFuture() : redis.send(hdel).compose(v -> publish(sessionId));
  }

  private JsonArray fresh(Response all) {
    JsonArray devices = new JsonArray();
    long cutoff = System.currentTimeMillis() - expiryMs;
    if (all != null) {
      for (String field : all.getKeys()) {
        JsonObject entry = new JsonObject(all.get(field).toString());
        if (entry.getLong("seenAt") >= cutoff) {
          entry.remove("seenAt");
          devices.add(entry);
        }
      }
    }
    return devices;
  }
}
