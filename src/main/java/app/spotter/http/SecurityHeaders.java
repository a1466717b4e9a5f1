package app.spotter.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers for browsers (CONTRACT, Hardening, headers), added as each answer's headers go out, so
 * error answers get them too: every answer {@code nosniff}; every HTML page a Content-Security-Policy
 * and a Referrer-Policy; every API answer {@code Cache-Control: no-store}.
 *
 * <p>By hand rather than with vertx-web's {@code CSPHandler}, which puts its policy on every answer:
 * here the answer's type and path decide, and the other headers have no vertx-web handler.
 */
final class SecurityHeaders implements Handler<RoutingContext> {
  /**
   * The web client loads only its own scripts, styles and socket ({@code 'self'} covers same-origin
   * {@code ws:}/{@code wss:}); it has no inline script or style markup (Preact sets styles through the
   * DOM, which CSP allows) and no {@code data:} images (the QR code is inline SVG). No page may frame it.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  /** No page needs to tell anyone where its visitor came from, so no address ever leaves in a Referer. */
  static final String REFERRER_POLICY = "no-referrer";

  private final String apiPrefix;

  /** {@code apiBasePath}: where the API is mounted ({@code /api/v1}). */
  SecurityHeaders(String apiBasePath) {
    this.apiPrefix = apiBasePath + "/";
  }

  /** What every answer carries, the ones the router never sees included (see {@link InvalidRequests}). */
  static void forEveryAnswer(MultiMap headers) {
    headers.set("X-Content-Type-Options", "nosniff");
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.addHeadersEndHandler(v -> {
      MultiMap headers = ctx.response().headers();
      forEveryAnswer(headers);
      String type = headers.get("Content-Type");
      if (type != null && type.startsWith("text/html")) {
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("Referrer-Policy", REFERRER_POLICY);
      }
      // Most API answers hold a trainer's data, and those to anonymous requests hand out tokens.
      if (ctx.request().path().startsWith(apiPrefix)) {
        headers.set("Cache-Control", "no-store");
      }
    });
    ctx.next();
  }
}
