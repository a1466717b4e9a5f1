package app.spotter.auth;

import app.spotter.http.ApiException;
import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.Command;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed credential attempts in Redis (fixed windows) and refuses further attempts with
 * 429 once a key reaches its limit. Successes are never counted, so they are never throttled.
 * Without Redis it fails open (logged): sign-in keeps working, only throttling pauses.
 */
public final class FailureLimiter {
  /** INCR, and start the window on the first failure. Redis 6.2 has no EXPIRE NX. */
  private static final String INCREMENT = """
      local n = redis.call('INCR', KEYS[1])
      if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
      return n""";

  /** One limited key: what it counts, its limit and window. */
  public record Limit(String key, int max, Duration window) {}

  private static final Logger LOG = LoggerFactory.getLogger(FailureLimiter.class);
  private final Redis redis;

  public FailureLimiter(Redis redis) {
    this.redis = redis;
  }

  public static Limit perEmail(String email, int max, Duration window) {
    byte[] digest = OpaqueTokens.hash(email.toLowerCase(java.util.Locale.ROOT));
    return new Limit("fail:email:" + HexFormat.of().formatHex(digest, 0, 16), max, window);
  }

  public static Limit perIp(String ip, int max, Duration window) {
    return new Limit("fail:ip:" + ip, max, window);
  }

  /** Fails with 429 (and Retry-After) when any of the keys is at its limit. */
  public Future<Void> check(List<Limit> limits) {
    List<Future<Long>> waits = limits.stream().map(l -> blockedForSeconds(l).otherwise(e -> {
      LOG.warn("rate limit not checked, Redis failed: {}", e.getMessage());
      return 0L;
    })).toList();
    return Future.all(waits).compose(all -> {
      long wait = waits.stream().mapToLong(Future::result).max().orElse(0);
      return wait > 0 ? Future.failedFuture(ApiException.tooManyRequests(wait)) : Future.succeededFuture();
    });
  }

  public Future<Void> recordFailure(List<Limit> limits) {
    return Future.all(limits.stream().map(l -> redis.send(Request.cmd(Command.EVAL)
            .arg(INCREMENT).arg(1).arg(l.key()).arg(l.window().toMillis()))).toList())
        .<Void>mapEmpty()
        .otherwise(e -> {
          LOG.warn("failed attempt not counted, Redis failed: {}", e.getMessage());
          return null;
        });
  }

  private Future<Long> blockedForSeconds(Limit limit) {
    return redis.send(Request.cmd(Command.GET).arg(limit.key())).compose(count -> {
      if (count == null || count.toLong() < limit.max()) {
        return Future.succeededFuture(0L);
      }
      return redis.send(Request.cmd(Command.PTTL).arg(limit.key()))
          .map(ttl -> Math.max(1, (ttlMillis(ttl) + 999) / 1000));
    });
  }

  private static long ttlMillis(Response ttl) {
    return ttl == null ? 1000 : Math.max(ttl.toLong(), 1000);
  }
}
