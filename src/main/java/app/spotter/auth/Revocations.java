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

  /**
   * A trainer's password changed to {@code passwordVersion}: every instance closes the trainer's sockets
   * opened with an older token, except those of {@code keptFamily} (the changing device's sign-in; null
   * closes all), and takes the new version into its {@link PasswordVersions}.
   */
  Future<Void> passwordChanged(UUID trainerId, int passwordVersion, UUID keptFamily);
}
