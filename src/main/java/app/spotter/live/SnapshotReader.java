package app.spotter.live;

import app.spotter.record.ExerciseRecordRepository;
import app.spotter.record.RecordRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import java.util.UUID;

/**
 * A session's full state at one seq: from Redis when cached, else read from Postgres in one
 * transaction that holds commands off (FOR SHARE), so the state is exactly the one after that seq.
 * The record is the REST shape (exercises inline); presence is added by the caller.
 */
final class SnapshotReader {
  private static final int CACHE_SECONDS = 3600;
  private final Pool pool;
  private final Redis redis;
  private final RecordRepository records;
  private final ExerciseRecordRepository exercises;
  private final LiveRepository live;

  SnapshotReader(Pool pool, Redis redis, RecordRepository records, ExerciseRecordRepository exercises,
      LiveRepository live) {
    this.pool = pool;
    this.redis = redis;
    this.records = records;
    this.exercises = exercises;
    this.live = live;
  }

  /** {@code {seq, state}}. */
  Future<JsonObject> read(UUID sessionId) {
    return redis.send(Request.cmd(Command.GET).arg(RedisKeys.snapshot(sessionId)))
        .map(cached -> cached == null ? null : new JsonObject(cached.toString()))
        .otherwise(e -> null)
        .compose(cached -> cached != null ? Future.succeededFuture(cached) : fromDatabase(sessionId));
  }

  private Future<JsonObject> fromDatabase(UUID sessionId) {
    return pool.withTransaction(tx -> records.readShared(tx, sessionId).compose(found -> {
      JsonObject record = found.orElseThrow(() -> CommandRejected.notFound("no such session"));
      return exercises.ofRecord(tx, sessionId)
          .compose(list -> live.liveColumns(tx, sessionId).map(columns -> {
            LiveRepository.LiveColumns c = columns.orElseThrow();
            JsonObject state = new JsonObject()
                .put("record", record.put("exercises", list))
                .put("trainee", new JsonObject().put("id", c.traineeId().toString()).put("name", c.traineeName()))
                .put("currentExerciseRecordId", c.currentExerciseRecordId() == null ? null : c.currentExerciseRecordId().toString())
                .put("timer", c.timer())
                .put("presence", new JsonArray());
            return new JsonObject().put("seq", c.seq()).put("state", state);
          }));
    })).onSuccess(snapshot -> redis.send(Request.cmd(Command.SET).arg(RedisKeys.snapshot(sessionId))
        .arg(snapshot.encode()).arg("EX").arg(CACHE_SECONDS)));
  }
}
