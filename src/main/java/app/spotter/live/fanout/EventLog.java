package app.spotter.live.fanout;

import app.spotter.live.command.LiveEvent;
import app.spotter.live.command.LiveRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads what a subscriber missed: from Redis's recent events when they run unbroken from the
 * requested seq, otherwise from the Postgres event log (which always has everything).
 */
public final class EventLog {
  static final int MAX_REPLAY = 1000;
  private final Redis redis;
  private final LiveRepository live;

  public EventLog(Redis redis, LiveRepository live) {
    this.redis = redis;
    this.live = live;
  }

  /** Events with seq > {@code afterSeq}, in order, gap-free, at most {@link #MAX_REPLAY}. */
  Future<List<LiveEvent>> after(UUID sessionId, long afterSeq) {
    return fromRedis(sessionId, afterSeq)
        .otherwise(e -> null)
        .compose(recent -> recent != null ? Future.succeededFuture(recent)
            : live.eventsAfter(sessionId, afterSeq, MAX_REPLAY));
  }

  /** Null unless Redis holds the whole run from afterSeq + 1. */
  private Future<List<LiveEvent>> fromRedis(UUID sessionId, long afterSeq) {
    return redis.send(Request.cmd(Command.ZRANGEBYSCORE).arg(RedisKeys.recentEvents(sessionId))
            .arg("(" + afterSeq).arg("+inf").arg("LIMIT").arg(0).arg(MAX_REPLAY))
        .map(reply -> {
          List<LiveEvent> events = new ArrayList<>();
          if (reply != null) {
            for (Response item : reply) {
              events.add(LiveEvent.fromJson(new JsonObject(item.toString())));
            }
          }
          long expected = afterSeq + 1;
          for (LiveEvent event : events) {
            if (event.seq() != expected++) {
              return null;
            }
          }
          // An empty answer may mean "nothing missed" or "Redis lost it": only Postgres knows.
          return events.isEmpty() ? null : events;
        });
  }
}
