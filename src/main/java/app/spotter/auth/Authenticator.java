package app.spotter.auth;

import app.spotter.display.DisplayRepository;
import io.vertx.core.Future;

/** Resolves any bearer token Spotter issues (trainer/trainee JWT, display token) to a principal. */
public final class Authenticator {
  private final AccessTokens accessTokens;
  private final DisplayRepository displays;

  public Authenticator(AccessTokens accessTokens, DisplayRepository displays) {
    this.accessTokens = accessTokens;
    this.displays = displays;
  }

  /** Fails (with no detail worth showing a caller) when the token is unknown, expired, revoked or forged. */
  public Future<Principal> authenticate(String token) {
    if (token == null || token.isBlank() || token.length() > 4096) {
      return Future.failedFuture("no token");
    }
    if (token.startsWith(OpaqueTokens.DISPLAY)) {
      return displays.principalForToken(OpaqueTokens.hash(token));
    }
    return accessTokens.verify(token);
  }
}
