package app.spotter.live.command;

import static app.spotter.live.command.LiveCommand.Writes.EVENT_STATEMENT;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;

/**
 * Server-authoritative timers: absolute deadlines in server epoch milliseconds. A running timer has
 * {@code endsAt}; a paused one keeps {@code pausedRemainingMs} instead. Every event carries the whole
 * timer ({@code null} once it is gone).
 */
public final class TimerCommands {
  public static final String FINISHED = "timer-finished";

  private TimerCommands() {}

  static List<LiveCommand> all() {
    return List.of(
        new LiveCommand("start-timer", "timer-started", "LiveStartTimer", LiveCommand.TRAINER, EVENT_STATEMENT,
            TimerCommands::start, reads -> reads.exerciseExistsIfNamed("exerciseRecordId")),
        new LiveCommand("adjust-timer", "timer-adjusted", "LiveAdjustTimer", LiveCommand.TRAINER, EVENT_STATEMENT,
            TimerCommands::adjust),
        new LiveCommand("pause-timer", "timer-paused", "LiveEmpty", LiveCommand.TRAINER, EVENT_STATEMENT,
            TimerCommands::pause),
        new LiveCommand("resume-timer", "timer-resumed", "LiveEmpty", LiveCommand.TRAINER, EVENT_STATEMENT,
            TimerCommands::resume),
        new LiveCommand("cancel-timer", "timer-cancelled", "LiveEmpty", LiveCommand.TRAINER, EVENT_STATEMENT,
            TimerCommands::cancel));
  }

  /** Made by the server when a deadline passes; never sent by a client. */
  public static LiveCommand finish() {
    return new LiveCommand(FINISHED, FINISHED, "LiveEmpty", java.util.Set.of(), EVENT_STATEMENT,
        TimerCommands::finished);
  }

  /** A new timer replaces any running one. */
  private static Future<JsonObject> start(CommandContext c) {
    long durationMs = c.payload.getLong("durationSeconds") * 1000;
    JsonObject timer = new JsonObject()
        .put("id", UUID.randomUUID().toString())
        .put("label", c.payload.getString("label"))
        .put("exerciseRecordId", c.payload.getString("exerciseRecordId"))
        .put("durationSeconds", c.payload.getLong("durationSeconds"))
        .put("startedAt", c.now)
        .put("endsAt", c.now + durationMs)
        .put("pausedRemainingMs", null)
        .put("running", true);
    Future<Void> exerciseCheck = c.payload.getString("exerciseRecordId") == null
        ? Future.succeededFuture() : c.reads.exerciseExists("exerciseRecordId");
    return exerciseCheck.map(v -> set(c, timer));
  }

  /** Adds (or, negative, removes) time; a running timer never ends in the past, a paused one never below 0. */
  private static Future<JsonObject> adjust(CommandContext c) {
    JsonObject timer = current(c);
    long delta = c.payload.getLong("deltaSeconds") * 1000;
    if (timer.getBoolean("running")) {
      timer.put("endsAt", Math.max(c.now, timer.getLong("endsAt") + delta));
    } else {
      timer.put("pausedRemainingMs", Math.max(0, timer.getLong("pausedRemainingMs") + delta));
    }
    return Future.succeededFuture(set(c, timer).put("deltaSeconds", c.payload.getLong("deltaSeconds")));
  }

  private static Future<JsonObject> pause(CommandContext c) {
    JsonObject timer = current(c);
    if (!timer.getBoolean("running")) {
      throw CommandRejected.conflict("the timer is already paused");
    }
    timer.put("pausedRemainingMs", Math.max(0, timer.getLong("endsAt") - c.now)).put("endsAt", null).put("running", false);
    return Future.succeededFuture(set(c, timer));
  }

  private static Future<JsonObject> resume(CommandContext c) {
    JsonObject timer = current(c);
    if (timer.getBoolean("running")) {
      throw CommandRejected.conflict("the timer is already running");
    }
    timer.put("endsAt", c.now + timer.getLong("pausedRemainingMs")).put("pausedRemainingMs", null).put("running", true);
    return Future.succeededFuture(set(c, timer));
  }

  private static Future<JsonObject> cancel(CommandContext c) {
    JsonObject timer = current(c);
    c.session.timer = null;
    return Future.succeededFuture(new JsonObject().put("timer", null).put("timerId", timer.getString("id")));
  }

  /** Payload {@code {timerId}}: finishes that timer if it is still running and due; otherwise nothing to do. */
  private static Future<JsonObject> finished(CommandContext c) {
    JsonObject timer = c.session.timer;
    String timerId = c.payload.getString("timerId");
    if (timer == null || !timer.getString("id").equals(timerId) || !timer.getBoolean("running")
        || timer.getLong("endsAt") > c.now) {
      throw CommandRejected.conflict("timer " + timerId + " is not due");
    }
    c.session.timer = null;
    return Future.succeededFuture(new JsonObject().put("timer", timer.copy().put("running", false)).put("timerId", timerId));
  }

  private static JsonObject current(CommandContext c) {
    if (c.session.timer == null) {
      throw CommandRejected.conflict("there is no timer");
    }
    return c.session.timer.copy();
  }

  private static JsonObject set(CommandContext c, JsonObject timer) {
    c.session.timer = timer;
    return new JsonObject().put("timer", timer);
  }
}
