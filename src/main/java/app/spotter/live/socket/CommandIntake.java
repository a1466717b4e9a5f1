package app.spotter.live.socket;

import app.spotter.config.SpotterConfig;
import app.spotter.live.command.CommandProcessor;
import app.spotter.live.command.CommandRejected;
import app.spotter.live.command.PlainUuid;
import app.spotter.live.fanout.LiveMetrics;
import app.spotter.live.fanout.TokenBucket;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * The commands one socket sends: checked for an id, rate-limited, then run one after another in the
 * order sent (a replayed offline queue, log-set s3 then update-set s3, depends on it), each answered
 * with {@code ack} or {@code rejected}.
 */
final class CommandIntake {
  private static final int MAX_COMMAND_ID = 100;
  private final LiveConnection connection;
  private final CommandProcessor processor;
  private final LiveMetrics metrics;
  private final TokenBucket bucket;
  private Future<?> previous = Future.succeededFuture();

  CommandIntake(LiveConnection connection, CommandProcessor processor, LiveMetrics metrics,
      SpotterConfig.RateLimits limits) {
    this.connection = connection;
    this.processor = processor;
    this.metrics = metrics;
    this.bucket = new TokenBucket(limits.liveCommandsPerSecond(), limits.liveCommandBurst());
  }

  void accept(JsonObject message) {
    String commandId = message.getValue("commandId") instanceof String s && !s.isBlank() && s.length() <= MAX_COMMAND_ID
        ? s : null;
    if (commandId == null) {
      connection.send(CommandRejected.invalidField("commandId", "required: a string of at most 100 characters")
          .toJson(null));
      return;
    }
    if (commandId.startsWith(CommandProcessor.SERVER_COMMAND_ID_PREFIX)) {
      // Answered here, never remembered: kept under that id, it would answer the timer's finish.
      connection.send(CommandRejected.invalidField("commandId",
          "must not begin with '" + CommandProcessor.SERVER_COMMAND_ID_PREFIX + "' (the server's own commands)")
          .toJson(commandId));
      return;
    }
    String name = message.getValue("name") instanceof String s ? s : null;
    if (!bucket.tryTake()) {
      metrics.command(name, "rate-limited");
      connection.send(CommandRejected.rateLimited().toJson(commandId));
      return;
    }
    UUID sessionId = PlainUuid.orNull(message.getValue("sessionId"));
    if (sessionId == null) {
      connection.send(CommandRejected.noSuchSession().toJson(commandId));
      return;
    }
    long started = System.nanoTime();
    Object payload = message.getValue("payload", new JsonObject());
    previous = previous.transform(done -> processor
        .execute(connection.principal(), sessionId, commandId, name, payload)
        .onComplete(result -> answer(commandId, name, started, result.succeeded() ? result.result() : null,
            result.cause())));
  }

  private void answer(String commandId, String name, long started, Long seq, Throwable failure) {
    if (failure == null) {
      metrics.command(name, "ack");
      metrics.ackLatency(System.nanoTime() - started);
      connection.send(new JsonObject().put("type", "ack").put("commandId", commandId).put("seq", seq));
      return;
    }
    CommandRejected rejected = failure instanceof CommandRejected r ? r
        : CommandRejected.unavailable("the command could not be processed: retry");
    metrics.command(name, rejected.code());
    connection.send(rejected.toJson(commandId));
  }
}
