package app.spotter.auth;

import app.spotter.api.ApiException;
import io.vertx.core.Future;

/** Resolves any bearer token Spotter issues (trainer/trainee JWT, display token) to a principal. */
public final class Authenticator {
  private final AccessTokens accessTokens;
  private final DisplayTokens displays;
  private final PasswordVersions passwordVersions;

  public Authenticator(AccessTokens accessTokens, DisplayTokens displays, PasswordVersions passwordVersions) {
    this.accessTokens = accessTokens;
    this.displays = displays;
    this.passwordVersions = passwordVersions;
  }

  /**
   * Fails (with no detail worth showing a caller) when the token is unknown, expired, revoked or forged;
   * fails with a 503 {@link ApiException} when it could not be checked (Postgres unreachable), which is
   * no reason for the caller to give up its tokens.
   */
  public Future<Principal> authenticate(String token) {
    if (token == null || token.isBlank() || token.length() > 4096) {
      return Future.failedFuture("no token");
    }
    if (token.startsWith(OpaqueTokens.DISPLAY)) {
      return displays.principalForToken(OpaqueTokens.hash(token))
          .recover(e -> Future.failedFuture(unavailable()))
          .map(found -> found.orElseThrow(() -> new IllegalArgumentException("unknown or revoked display token")));
    }
    return accessTokens.verify(token).compose(principal -> principal.signIn() == null
        ? Future.succeededFuture(principal)
        : currentPassword(principal));
  }

  /** A trainer token issued before the trainer's last password change is refused. */
  private Future<Principal> currentPassword(Principal trainer) {
    return passwordVersions.current(trainer.trainerId())
        .recover(e -> Future.failedFuture(unavailable()))
        .compose(current -> current.isPresent() && current.get() == trainer.signIn().passwordVersion()
            ? Future.succeededFuture(trainer)
            : Future.failedFuture("issued before the last password change, or the account is gone"));
  }

  private static ApiException unavailable() {
    return ApiException.unavailable("the token could not be checked right now: try again in a moment");
  }
}
