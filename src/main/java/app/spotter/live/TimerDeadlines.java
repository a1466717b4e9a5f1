package app.spotter.live;

import app.spotter.auth.Principal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits {@code timer-finished} once, cluster-wide. Running timers' deadlines sit in a Redis sorted
 * set; every instance polls it and claims a due deadline with ZREM, which only one can win. The
 * finish itself is a server command whose commandId is the timer's, so even two claims make one
 * event. A Postgres scan catches deadlines Redis lost (flush, or a claimer that died mid-way).
 */
final class TimerDeadlines {
  private static final Logger LOG = LoggerFactory.getLogger(TimerDeadlines.class);
  static final long POLL_MS = 200;

  private final Vertx vertx;
  private final Redis redis;
  private final LiveRepository live;
  /** How often the Postgres safety scan runs, and how overdue a timer must be for it (SPOTTER_LIVE_TIMER_SCAN). */
  private final long scanMs;
  private CommandProcessor processor;
  private final LiveCommand finish = TimerCommands.finish();
  private long pollTimer = -1;
  private long scanTimer = -1;

  TimerDeadlines(Vertx vertx, Redis redis, LiveRepository live, long scanMs) {
    this.vertx = vertx;
    this.redis = redis;
    this.live = live;
    this.scanMs = scanMs;
  }

  void start(CommandProcessor processor) {
    this.processor = processor;
    pollTimer = vertx.setPeriodic(POLL_MS, id -> pollDue());
    scanTimer = vertx.setPeriodic(scanMs, id -> scanOverdue());
  }

  void stop() {
    vertx.cancelTimer(pollTimer);
    vertx.cancelTimer(scanTimer);
  }

  /** Keeps the deadline set in step with the timer an event leaves behind. */
  void track(LiveEvent event) {
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

  private void pollDue() {
    redis.send(Request.cmd(Command.ZRANGEBYSCORE).arg(RedisKeys.TIMER_DEADLINES).arg("-inf")
            .arg(System.currentTimeMillis()).arg("LIMIT").arg(0).arg(100))
        .onSuccess(due -> {
          if (due != null) {
            for (Response member : due) {
              claim(member.toString());
            }
          }
        });
  }

  private void claim(String member) {
    redis.send(Request.cmd(Command.ZREM).arg(RedisKeys.TIMER_DEADLINES).arg(member)).onSuccess(removed -> {
      if (removed != null && removed.toInteger() == 1) {
        String[] parts = member.split("\\|", 2);
        finish(UUID.fromString(parts[0]), parts[1]);
      }
    });
  }

  private void scanOverdue() {
    live.overdueTimers(System.currentTimeMillis() - scanMs).onSuccess(rows -> {
      for (JsonArray row : rows) {
        finish(UUID.fromString(row.getString(0)), row.getJsonObject(1).getString("id"));
      }
    });
  }

  private Future<Long> finish(UUID sessionId, String timerId) {
    return processor.apply(Principal.server(null), sessionId, "timer-finished:" + timerId, finish,
            new JsonObject().put("timerId", timerId))
        .onFailure(e -> {
          if (!(e instanceof CommandRejected)) {
            LOG.warn("timer {} of session {} not finished: {}", timerId, sessionId, e.getMessage());
          }
        });
  }

  private static String member(UUID sessionId, String timerId) {
    return sessionId + "|" + timerId;
  }
}
