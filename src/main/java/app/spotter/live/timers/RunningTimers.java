package app.spotter.live.timers;

import app.spotter.live.command.LiveEvent;
import app.spotter.live.fanout.RedisKeys;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.List;
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
      add(List.of(new JsonArray().add(event.sessionId().toString()).add(timer)));
    } else {
      String timerId = timer != null ? timer.getString("id") : event.payload().getString("timerId");
      if (timerId != null) {
        redis.send(Request.cmd(Command.ZREM).arg(RedisKeys.TIMER_DEADLINES).arg(member(event.sessionId(), timerId)));
      }
    }
  }

  /** Adds the deadlines of running timers, each [sessionId, timer] as the session row holds it. */
  Future<Void> add(List<JsonArray> running) {
    if (running.isEmpty()) {
      return Future.succeededFuture();
    }
    Request add = Request.cmd(Command.ZADD).arg(RedisKeys.TIMER_DEADLINES);
    for (JsonArray r : running) {
      JsonObject timer = r.getJsonObject(1);
      add.arg(timer.getLong("endsAt")).arg(member(UUID.fromString(r.getString(0)), timer.getString("id")));
    }
    return redis.send(add).mapEmpty();
  }

  /** A member of the set: "sessionId|timerId" ({@link TimerDeadlines} splits it back). */
  private static String member(UUID sessionId, String timerId) {
    return sessionId + "|" + timerId;
  }
}
