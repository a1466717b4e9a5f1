package app.spotter.webhook;

import app.spotter.api.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where webhooks may go: {@code http} or {@code https} URLs whose host resolves to public addresses
 * only, unless private ones are allowed ({@code SPOTTER_WEBHOOKS_ALLOW_PRIVATE}). The host is checked
 * when an endpoint is created and again before each attempt, whose connection then goes to the
 * address that was checked, so a DNS answer that changes in between (rebinding) cannot redirect it.
 * Names are resolved on a worker thread: the JDK resolver blocks.
 */
final class Destinations {
  private static final String PRIVATE = "resolves to a loopback, private, link-local or otherwise non-public address";
  private static final String UNRESOLVED = "its host does not resolve";

  private final Vertx vertx;
  private final boolean allowPrivate;

  Destinations(Vertx vertx, boolean allowPrivate) {
    this.vertx = vertx;
    this.allowPrivate = allowPrivate;
  }

  /** The URL if an endpoint may have it; else fails with a 400 naming {@code url}. */
  Future<URI> admit(String url) {
    URI uri;
    try {
      uri = parse(url);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(ApiException.invalidField("url", e.getMessage()));
    }
    return pin(uri).map(uri).recover(e -> Future.failedFuture(
        e instanceof Refused ? ApiException.invalidField("url", e.getMessage()) : e));
  }

  /**
   * The address a delivery connects to: the first of the host's addresses when all are public, or
   * empty when private ones are allowed (the HTTP client resolves the host itself). Fails with
   * {@link Refused} otherwise.
   */
  Future<Optional<InetAddress>> pin(URI uri) {
    if (allowPrivate) {
      return Future.succeededFuture(Optional.empty());
    }
    String host = uri.getHost().replaceAll("^\\[|]$", "");
    return vertx.executeBlocking(() -> resolve(host), false).map(addresses -> {
      if (addresses.isEmpty()) {
        throw new Refused(UNRESOLVED);
      }
      if (addresses.stream().anyMatch(PrivateAddresses::isPrivate)) {
        throw new Refused(PRIVATE);
      }
      return Optional.of(addresses.get(0));
    });
  }

  private static List<InetAddress> resolve(String host) {
    try {
      return List.of(InetAddress.getAllByName(host));
    } catch (UnknownHostException e) {
      return List.of();
    }
  }

  /** An absolute http(s) URL with a host and without credentials; the message says what is wrong. */
  static URI parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException("must be an https or http URL");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("must not carry credentials");
    }
    return uri;
  }

  /** A destination a webhook may not reach; the message says why, for the client or the delivery log. */
  static final class Refused extends RuntimeException {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }
}
