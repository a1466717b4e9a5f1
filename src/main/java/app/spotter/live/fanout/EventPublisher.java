package app.spotter.live.fanout;

import app.spotter.live.command.LiveEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a commit: hand the event to this instance's subscribers at once, then to Redis in one
 * round trip (recent-events set, stale snapshot dropped, fan-out to the other instances).
 * Redis trouble loses nothing: the event is in Postgres, the publish is retried (the other
 * instances' subscribers hear of it only through Redis), and subscribers repair gaps from Postgres.
 */
public final class EventPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
  static final int RECENT_EVENTS_KEPT = 500;
  /** Retries after 250 ms, doubling up to 5 s: about a minute in all. */
  private static final int MAX_ATTEMPTS = 16;
  private static final String PUBLISH = """
      redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
      redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[3]) + 1))
      redis.call('EXPIRE', KEYS[1], 86400)
      redis.call('DEL', KEYS[2])
      return redis.call('PUBLISH', KEYS[3], ARGV[4] .. ARGV[2])""";

  private final Vertx vertx;
  private final Redis redis;
  private final LiveHub hub;

  public EventPublisher(Vertx vertx, Redis redis, LiveHub hub) {
    this.vertx = vertx;
    this.redis = redis;
    this.hub = hub;
  }

  public Future<Void> publish(LiveEvent event) {
    EventFrame frame = EventFrame.of(event);
    hub.deliver(frame);
    // Once more after Redis has it: a subscriber that registered after the first delivery but read
    // its snapshot or catch-up before the script ran would miss it (the feed drops what it has).
    return toRedis(event, frame.json(), 1).onSuccess(v -> hub.deliver(frame));
  }

  /** A late publish is harmless: subscribers drop what they have and fill gaps with the rest. */
  private Future<Void> toRedis(LiveEvent event, String json, int attempt) {
    return redis.send(Request.cmd(Command.EVAL).arg(PUBLISH).arg(3)
            .arg(RedisKeys.recentEvents(event.sessionId())).arg(RedisKeys.snapshot(event.sessionId()))
            .arg(RedisKeys.sessionChannel(event.sessionId()))
            .arg(event.seq()).arg(json).arg(RECENT_EVENTS_KEPT).arg(hub.eventPrefix()))
        .<Void>mapEmpty()
        .recover(e -> {
          if (attempt == 1 || attempt == MAX_ATTEMPTS) {
            LOG.warn("event {}#{} not published to Redis ({}): {}", event.sessionId(), event.seq(),
                attempt == 1 ? "retrying" : "giving up", e.getMessage());
          }
          if (attempt == MAX_ATTEMPTS) {
            return Future.failedFuture(e);
          }
          Promise<Void> retried = Promise.promise();
          vertx.setTimer(Math.min(5_000, 250L << Math.min(attempt - 1, 5)),
              t -> toRedis(event, json, attempt + 1).onComplete(retried));
          return retried.future();
        });
  }
}
