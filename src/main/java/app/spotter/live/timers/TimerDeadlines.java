package app.spotter.live.timers;

import app.spotter.live.command.CommandRejected;
import app.spotter.live.command.LiveRepository;
import app.spotter.live.fanout.RedisKeys;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
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
 * event. A Postgres scan catches deadlines Redis lost (flush, or a claimer that died mid-way), and at
 * start the running timers' deadlines are put back from Postgres, so that after a restart of a Redis
 * that keeps nothing on disk they still finish on time. {@link RunningTimers} keeps the set in step
 * with the timer events.
 */
public final class TimerDeadlines {
  private static final Logger LOG = LoggerFactory.getLogger(TimerDeadlines.class);
  static final long POLL_MS = 200;

  private final Vertx vertx;
  private final Redis redis;
  private final LiveRepository live;
  /** How often the Postgres safety scan runs, and how overdue a timer must be for it (SPOTTER_LIVE_TIMER_SCAN). */
  private final long scanMs;
  private final TimerFinish finish;
  private final RunningTimers running;
  private long pollTimer = -1;
  private long scanTimer = -1;

  public TimerDeadlines(Vertx vertx, Redis redis, LiveRepository live, long scanMs, TimerFinish finish,
      RunningTimers running) {
    this.vertx = vertx;
    this.redis = redis;
    this.live = live;
    this.scanMs = scanMs;
    this.finish = finish;
    this.running = running;
  }

  public void start() {
    // Adding a deadline that is there already changes nothing, so every instance may do it.
    live.runningTimersEndingBefore(Long.MAX_VALUE).compose(running::add)
        .onFailure(e -> LOG.warn("running timers' deadlines not restored (the safety scan will finish them): {}",
            e.getMessage()));
    pollTimer = vertx.setPeriodic(POLL_MS, id -> pollDue());
    scanTimer = vertx.setPeriodic(scanMs, id -> scanOverdue());
  }

  public void stop() {
    vertx.cancelTimer(pollTimer);
    vertx.cancelTimer(scanTimer);
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
    live.runningTimersEndingBefore(System.currentTimeMillis() - scanMs).onSuccess(rows -> {
      for (JsonArray row : rows) {
        finish(UUID.fromString(row.getString(0)), row.getJsonObject(1).getString("id"));
      }
    });
  }

  private Future<Long> finish(UUID sessionId, String timerId) {
    return finish.finish(sessionId, timerId)
        .onFailure(e -> {
          if (!(e instanceof CommandRejected)) {
            LOG.warn("timer {} of session {} not finished: {}", timerId, sessionId, e.getMessage());
          }
        });
  }
}
