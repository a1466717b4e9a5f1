package app.spotter.webhook;

import app.spotter.api.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Where webhooks may go: {@code http} or {@code https} URLs whose host resolves to public addresses
 * only, unless private ones are allowed ({@code SPOTTER_WEBHOOKS_ALLOW_PRIVATE}). The host is checked
 * when an endpoint is created and again before each attempt, whose connection then goes to the
 * address that was checked, so a DNS answer that changes in between (rebinding) cannot redirect it.
 * Names are resolved by the JDK (which also reads {@code /etc/hosts}); it blocks, for as long as the
 * system's resolver retries, so lookups run on a few threads of their own, never the workers that
 * hash passwords, and an answer that takes over {@link #LOOKUP_TIMEOUT_MS} counts as none.
 */
final class Destinations {
  private static final String PRIVATE = "resolves to a loopback, private, link-local or otherwise non-public address";
  private static final String UNRESOLVED = "its host does not resolve";
  private static final long LOOKUP_TIMEOUT_MS = 5_000;
  /** Lookups at once; more wait for one of these threads. */
  private static final int LOOKUP_THREADS = 4;

  private final boolean allowPrivate;
  private final Function<String, List<InetAddress>> resolver;
  private final WorkerExecutor lookups;
  private final long timeoutMs;

  Destinations(Vertx vertx, boolean allowPrivate) {
    this(vertx, allowPrivate, Destinations::resolve, LOOKUP_TIMEOUT_MS);
  }

  /** With another resolver and deadline: for tests of a slow resolver. */
  Destinations(Vertx vertx, boolean allowPrivate, Function<String, List<InetAddress>> resolver, long timeoutMs) {
    this.allowPrivate = allowPrivate;
    this.resolver = resolver;
    this.timeoutMs = timeoutMs;
    this.lookups = vertx.createSharedWorkerExecutor("spotter-webhook-dns", LOOKUP_THREADS);
  }

  /** The URL if an endpoint may have it; else fails with a 400 naming {@code url}. */
  Future<URI> admit(String url) {
    URI uri;
    try {
      uri = parse(url);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(ApiException.invalidField("url", e.getMessage()));
    }
    return pin(uri).map(uri).recover(e -> Future.failedFuture(e instanceof Refused || e instanceof TimeoutException
        ? ApiException.invalidField("url", e.getMessage()) : e));
  }

  /**
   * The address a delivery connects to: the first of the host's addresses when all are public, or
   * empty when private ones are allowed (the HTTP client resolves the host itself). Fails with
   * {@link Refused} otherwise, or with a {@link TimeoutException} when the lookup takes too long.
   */
  Future<Optional<InetAddress>> pin(URI uri) {
    if (allowPrivate) {
      return Future.succeededFuture(Optional.empty());
    }
    String host = uri.getHost().replaceAll("^\\[|]$", "");
    return lookups.executeBlocking(() -> resolver.apply(host), false)
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .recover(e -> Future.failedFuture(e instanceof TimeoutException
            ? new TimeoutException("its host did not resolve within " + timeoutMs + " ms") : e))
        .map(addresses -> {
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
