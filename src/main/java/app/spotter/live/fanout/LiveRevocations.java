package app.spotter.live.fanout;

import app.spotter.auth.Revocations;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A revoked access link or display closes the live sockets opened with it (4401) on every instance:
 * this one at once, the others through a notice on Redis. Both kinds of id are UUIDs of their own
 * table, so one notice per id is enough to find the sockets. A trainer's password change is told the
 * same way, on a channel of its own, with what the other instances need to act on it.
 */
public final class LiveRevocations implements Revocations {
  private static final Logger LOG = LoggerFactory.getLogger(LiveRevocations.class);
  private final LiveHub hub;
  private final Redis redis;

  public LiveRevocations(LiveHub hub, Redis redis) {
    this.hub = hub;
    this.redis = redis;
  }

  @Override
  public Future<Void> accessLinkRevoked(UUID linkId) {
    return revoked(linkId);
  }

  @Override
  public Future<Void> displayRevoked(UUID displayId) {
    return revoked(displayId);
  }

  @Override
  public Future<Void> passwordChanged(UUID trainerId, int passwordVersion, UUID keptFamily) {
    PasswordChange change = new PasswordChange(trainerId, passwordVersion, keptFamily);
    hub.passwordChanged(change);
    return announce(RedisKeys.passwordChannel(trainerId), change.toJson(), trainerId);
  }

  private Future<Void> revoked(UUID credentialId) {
    hub.revoke(credentialId);
    return announce(RedisKeys.revocationChannel(credentialId), new JsonObject().put("type", "revoked"), credentialId);
  }

  /** The revocation itself is committed already; a notice Redis does not take is logged, not the caller's failure. */
  private Future<Void> announce(String channel, JsonObject notice, UUID about) {
    return redis.send(Request.cmd(Command.PUBLISH).arg(channel).arg(notice.encode()))
        .<Void>mapEmpty()
        .recover(e -> {
          LOG.warn("revocation of {} not announced to other instances: {}", about, e.getMessage());
          return Future.succeededFuture();
        });
  }
}
