package app.spotter.live.timers;

import app.spotter.live.command.LiveEvent;
import app.spotter.live.fanout.RedisKeys;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.UUID;

/**
 * The deadlines {@link TimerDeadlines} polls, kept in step with the timer each committed event leaves
 * behind: a running timer's end is added, a stopped or finished one removed.
 */
public final class RunningTimers {
  private final Redis redis;

  public RunningTimers(Redis redis) {
    this.redis = redis;
  }

  public void track(LiveEvent event) {
    if (!event.name().startsWith("timer-")) {
      return;
    }
    JsonObject timer = event.payload().getJsonObject("timer");
    if (timer != null && Boolean.TRUE.equals(timer.getBoolean("running"))) {
      redis.send(Request.cmd(Command.ZADD).arg(RedisKeys.TIMER_DEADLINES).arg(timer.getLong("endsAt"))
          .arg(member(event.sessionId(), timer.getString("id"))));
    } else {
      String timerId = timer != null ? timer.getString("id") : event.payload().getString("timerId");
      if (timerId != null) {
        redis.send(Request.cmd(Command.ZREM).arg(RedisKeys.TIMER_DEADLINES).arg(member(event.sessionId(), timerId)));
      }
    }
  }

  /** A member of the set: "sessionId|timerId" ({@link TimerDeadlines} splits it back). */
  private static String member(UUID sessionId, String timerId) {
    return sessionId + "|" + timerId;
  }
}
