package app.spotter.display;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.UUID;

/**
 * Pairings in flight, one Redis hash per code that expires on its own. Each step is one Lua script,
 * so concurrent callers (two trainers claiming, a display polling twice) see one outcome each.
 * Fields: {@code secret} (the pairing secret's hash), {@code expiresAt}, then on claim {@code claimed}
 * and {@code displayId}. No token is ever written here: the display's token is made when it polls
 * after the claim, and only its hash is stored, in Postgres.
 */
public final class PairingStore {
  private static final String CREATE = """
      if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
      redis.call('HSET', KEYS[1], 'secret', ARGV[1], 'expiresAt', ARGV[2])
      redis.call('PEXPIRE', KEYS[1], ARGV[3])
      return 1""";
  private static final String CLAIM = """
      if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
      if redis.call('HSETNX', KEYS[1], 'claimed', '1') == 0 then return -1 end
      redis.call('HSET', KEYS[1], 'displayId', ARGV[1])
      return 1""";
  private static final String POLL = """
      local f = redis.call('HMGET', KEYS[1], 'secret', 'expiresAt', 'displayId')
      if not f[1] or f[1] ~= ARGV[1] then return {'UNKNOWN'} end
      if not f[3] then return {'PENDING', f[2]} end
      return {'CLAIMED', f[3]}""";

  /** What a claim found. */
  enum Claim { CLAIMED, UNKNOWN, ALREADY_CLAIMED }

  /** Where a pairing stands for a poller who knows its secret ({@code UNKNOWN}: wrong code or secret). */
  enum State { UNKNOWN, PENDING, CLAIMED }

  /** What a poll found: {@code expiresAt} while pending; the claimed display's id once claimed. */
  record Poll(State state, String expiresAt, UUID displayId) {}

  private final Redis redis;

  public PairingStore(Redis redis) {
    this.redis = redis;
  }

  /** False when the code is taken by a live pairing. */
  Future<Boolean> create(String code, String secretHash, String expiresAt, Duration ttl) {
    return eval(CREATE, code, secretHash, expiresAt, String.valueOf(ttl.toMillis())).map(r -> r.toInteger() == 1);
  }

  Future<Claim> claim(String code, UUID displayId) {
    return eval(CLAIM, code, displayId.toString()).map(r -> switch (r.toInteger()) {
      case 1 -> Claim.CLAIMED;
      case -1 -> Claim.ALREADY_CLAIMED;
      default -> Claim.UNKNOWN;
    });
  }

  Future<Poll> poll(String code, String secretHash) {
    return eval(POLL, code, secretHash).map(r -> {
      State state = State.valueOf(r.get(0).toString());
      return switch (state) {
        case PENDING -> new Poll(state, r.get(1).toString(), null);
        case CLAIMED -> new Poll(state, null, UUID.fromString(r.get(1).toString()));
        case UNKNOWN -> new Poll(state, null, null);
      };
    });
  }

  private Future<Response> eval(String script, String code, String... args) {
    Request request = Request.cmd(Command.EVAL).arg(script).arg(1).arg("pairing:" + code);
    for (String arg : args) {
      request.arg(arg);
    }
    return redis.send(request);
  }
}
