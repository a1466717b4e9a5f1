package app.spotter.auth;

import io.vertx.core.Future;
import java.util.UUID;

/**
 * Told when a credential is revoked, so connections already opened with it (live sockets, on every
 * instance) close at once instead of living on. The live engine implements it.
 */
public interface Revocations {
  Future<Void> accessLinkRevoked(UUID linkId);

  Future<Void> displayRevoked(UUID displayId);
}
