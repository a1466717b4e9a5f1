package app.spotter.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.UUID;

/**
 * Final rejections by commandId, kept a day in Redis, so a repeated command gets the first answer.
 * (Acks need no memory: the event log holds every accepted commandId.)
 */
final class RejectionMemory {
  private static final int TTL_SECONDS = 24 * 3600;
  private final Redis redis;

  RejectionMemory(Redis redis) {
    this.redis = redis;
  }

  /** The remembered rejection, or null; Redis trouble just means "none remembered". */
  Future<CommandRejected> recall(UUID sessionId, String commandId) {
    return redis.send(Request.cmd(Command.GET).arg(key(sessionId, commandId)))
        .map(value -> value == null ? null : CommandRejected.fromJson(new JsonObject(value.toString())))
        .otherwise((CommandRejected) null);
  }

  Future<Void> remember(UUID sessionId, String commandId, CommandRejected rejected) {
    return redis.send(Request.cmd(Command.SET).arg(key(sessionId, commandId)).arg(rejected.toJson(commandId).encode())
            .arg("EX").arg(TTL_SECONDS))
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  private static String key(UUID sessionId, String commandId) {
    return "live:rejected:" + sessionId + ":" + commandId;
  }
}
