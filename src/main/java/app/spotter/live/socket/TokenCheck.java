package app.spotter.live.socket;

import app.spotter.auth.Authenticator;
import app.spotter.auth.Principal;
import app.spotter.live.command.LiveRepository;
import io.vertx.core.Future;

/** The token of a socket's hello, checked as the REST side checks it, and a trainee's access link as well. */
final class TokenCheck {
  private final Authenticator authenticator;
  private final LiveRepository live;

  TokenCheck(Authenticator authenticator, LiveRepository live) {
    this.authenticator = authenticator;
    this.live = live;
  }

  /**
   * A token's principal. A trainee's token also needs its access link still in force: revoking the
   * link closes the trainee's sockets, and this keeps them from coming straight back.
   */
  Future<Principal> authenticate(String token) {
    return authenticator.authenticate(token).compose(principal -> principal.linkId() == null
        ? Future.succeededFuture(principal)
        : live.accessLinkActive(principal.linkId()).compose(active -> active ? Future.succeededFuture(principal)
            : Future.failedFuture("the access link was revoked or has expired")));
  }
}
