package app.spotter.auth;

import io.vertx.core.Future;
import java.util.Optional;

/** Where display tokens are kept (the display feature's store): auth resolves them without knowing it. */
public interface DisplayTokens {
  /** The display holding the token with this hash, unless it is unknown or revoked. */
  Future<Optional<Principal>> principalForToken(byte[] tokenHash);
}
