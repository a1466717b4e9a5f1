package app.spotter.auth;

import app.spotter.api.ApiException;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed credential attempts per key (an email, a device, an address) in fixed Redis windows; at the
 * limit, further attempts get 429 with Retry-After. Each attempt first reserves a failure (atomically,
 * so concurrent attempts cannot all slip past the limit) and gives it back if it succeeds, so
 * successes are never throttled. {@link #spend} counts every attempt instead (registrations). Without
 * Redis it fails open (logged): sign-in keeps working.
 */
public final class FailureLimiter {
  private static final Logger LOG = LoggerFactory.getLogger(FailureLimiter.class);
  /** Returns the new count, or -(ms left in the window) when the key was already at its limit. */
  private static final String RESERVE = """
      local n = redis.call('INCR', KEYS[1])
      if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
      if n > tonumber(ARGV[1]) then
        redis.call('DECR', KEYS[1])
        return -math.max(redis.call('PTTL', KEYS[1]), 1)
      end
      return n""";

  /** One limited key: what it counts, its limit and window. */
  public record Limit(String key, int max, Duration window) {}

  private final Redis redis;

  public FailureLimiter(Redis redis) {
    this.redis = redis;
  }

  public static Limit perEmail(String email, int max, Duration window) {
    byte[] digest = OpaqueTokens.hash(email.toLowerCase(Locale.ROOT));
    return new Limit("fail:email:" + HexFormat.of().formatHex(digest, 0, 16), max, window);
  }

  public static Limit perIp(String ip, int max, Duration window) {
    return new Limit("fail:ip:" + ip, max, window);
  }

  /** Failed logins from a device that signed in before (see {@link DeviceCookies}): in place of its email's. */
  public static Limit perDevice(String deviceId, int max, Duration window) {
    return new Limit("fail:device:" + deviceId, max, window);
  }

  /** Registrations from one address: every attempt counts, as each costs an Argon2 hash. */
  public static Limit registrationsPerIp(String ip, int max, Duration window) {
    return new Limit("register:ip:" + ip, max, window);
  }

  /**
   * Runs {@code attempt} unless a key is at its limit (then 429). The attempt counts as a failure
   * when it fails with a 400, 401 or 404 (wrong credentials, unknown token or code); any other
   * outcome gives the reservation back.
   */
  public <T> Future<T> guard(List<Limit> limits, Supplier<Future<T>> attempt) {
    List<Future<Long>> reservations = limits.stream().map(this::reserve).toList();
    return Future.join(reservations).transform(done -> {
      long waitMs = 0;
      for (Future<Long> r : reservations) {
        if (r.succeeded() && r.result() < 0) {
          waitMs = Math.max(waitMs, -r.result());
        }
      }
      if (waitMs > 0) {
        release(limits, reservations);
        return Future.failedFuture(ApiException.tooManyRequests(seconds(waitMs)));
      }
      return attempt.get().onComplete(outcome -> {
        if (outcome.succeeded() || !countsAsFailure(outcome.cause())) {
          release(limits, reservations);
        }
      });
    });
  }

  /**
   * Counts one attempt whatever its outcome, for work that costs as much when it fails: 429 once the
   * key is at its limit, else succeeds (also when Redis is down: fail open, as above).
   */
  public Future<Void> spend(Limit limit) {
    return reserve(limit).transform(reserved -> {
      if (reserved.failed() || reserved.result() > 0) {
        return Future.succeededFuture();
      }
      return Future.failedFuture(ApiException.tooManyRequests(seconds(-reserved.result())));
    });
  }

  private static long seconds(long ms) {
    return (ms + 999) / 1000;
  }

  private static boolean countsAsFailure(Throwable cause) {
    return cause instanceof ApiException api && List.of(400, 401, 404).contains(api.status());
  }

  private Future<Long> reserve(Limit limit) {
    return redis.send(Request.cmd(Command.EVAL).arg(RESERVE).arg(1).arg(limit.key()).arg(limit.max())
            .arg(limit.window().toMillis()))
        .map(reply -> reply.toLong())
        .onFailure(e -> LOG.warn("rate limit not applied, Redis failed: {}", e.getMessage()));
  }

  /** Gives back the reservations that were taken (not those refused at the limit, already undone). */
  private void release(List<Limit> limits, List<Future<Long>> reservations) {
    for (int i = 0; i < limits.size(); i++) {
      Future<Long> r = reservations.get(i);
      if (r.succeeded() && r.result() > 0) {
        redis.send(Request.cmd(Command.DECR).arg(limits.get(i).key()));
      }
    }
  }
}
