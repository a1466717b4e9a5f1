package app.spotter.live.fanout;

import app.spotter.coaching.LiveCoaching;
import app.spotter.live.command.CommandRejected;
import app.spotter.live.command.LiveRepository;
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
import java.util.function.Consumer;

/**
 * A session's full state at one seq: from Redis when cached, else read from Postgres in one
 * transaction that holds commands off (FOR SHARE), so the state is exactly the one after that seq.
 * The record is the REST shape (exercises inline) with the coaching numbers ({@link LiveCoaching}),
 * read beside the transaction (other sessions' history needs no lock, and
 * commands should not wait for it); presence is added by the caller.
 */
public final class SnapshotReader {
  private static final int CACHE_SECONDS = 3600;
  /**
   * Caches a snapshot unless an event after its seq was published meanwhile: that publish already
   * dropped the cache, and a late SET would bring back a stale state. (Publishing adds the event to
   * the recent events and drops the cache in one script, so the check is exact.)
   */
  private static final String CACHE_UNLESS_STALE = """
      local newest = redis.call('ZREVRANGE', KEYS[2], 0, 0, 'WITHSCORES')
      if newest[2] and tonumber(newest[2]) > tonumber(ARGV[2]) then return 0 end
      redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
      return 1""";
  private final Pool pool;
  private final Redis redis;
  private final RecordRepository records;
  private final ExerciseRecordRepository exercises;
  private final LiveRepository live;
  private final LiveCoaching coaching;

  public SnapshotReader(Pool pool, Redis redis, RecordRepository records, ExerciseRecordRepository exercises,
      LiveRepository live, LiveCoaching coaching) {
    this.pool = pool;
    this.redis = redis;
    this.records = records;
    this.exercises = exercises;
    this.live = live;
    this.coaching = coaching;
  }

  /** {@code {seq, state}}. */
  Future<JsonObject> read(UUID sessionId) {
    return redis.send(Request.cmd(Command.GET).arg(RedisKeys.snapshot(sessionId)))
        .map(cached -> cached == null ? null : new JsonObject(cached.toString()))
        .otherwise(e -> null)
        .compose(cached -> cached != null ? Future.succeededFuture(cached) : fromDatabase(sessionId));
  }

  private Future<JsonObject> fromDatabase(UUID sessionId) {
    Future<Consumer<JsonObject>> annotations = coaching.forSnapshot(sessionId);
    return pool.withTransaction(tx -> records.readShared(tx, sessionId).compose(found -> {
      JsonObject record = found.orElseThrow(() -> CommandRejected.noSuchSession());
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
    })).compose(snapshot -> annotations.map(annotate -> {
      annotate.accept(snapshot.getJsonObject("state"));
      return snapshot;
    })).onSuccess(snapshot -> redis.send(Request.cmd(Command.EVAL).arg(CACHE_UNLESS_STALE).arg(2)
        .arg(RedisKeys.snapshot(sessionId)).arg(RedisKeys.recentEvents(sessionId))
        .arg(snapshot.encode()).arg(snapshot.getLong("seq")).arg(CACHE_SECONDS)));
  }
}
