package app.spotter.display;

import app.spotter.api.ApiException;
import app.spotter.api.Page;
import app.spotter.auth.FailureLimiter;
import app.spotter.auth.OpaqueTokens;
import app.spotter.auth.Principal;
import app.spotter.auth.Revocations;
import app.spotter.infra.db.NewestFirst;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Pairing a wall display: the display asks for a code and shows it, the trainer claims the code,
 * the display polls with its secret and receives its long-lived token once. Then: list and revoke.
 */
public final class DisplayService {
  static final Duration PAIRING_TTL = Duration.ofMinutes(10);
  /** No 0/O or 1/I, so a code read off a wall is typed right; 32 symbols, so each is 5 random bits. */
  private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final Pattern CODE = Pattern.compile("[" + ALPHABET + "]{6}");
  private static final SecureRandom RANDOM = new SecureRandom();
  /** 32^6 codes: a collision with a live pairing is rare, several in a row means something is wrong. */
  private static final int CODE_ATTEMPTS = 5;

  /** A poll's answer: claimed (the token, once) or still pending. */
  public record PairingStatus(boolean claimed, JsonObject body) {}

  private final Pool pool;
  private final DisplayRepository displays;
  private final PairingStore pairings;
  private final FailureLimiter limiter;
  private final Revocations revocations;

  public DisplayService(Pool pool, DisplayRepository displays, PairingStore pairings, FailureLimiter limiter,
      Revocations revocations) {
    this.pool = pool;
    this.displays = displays;
    this.pairings = pairings;
    this.limiter = limiter;
    this.revocations = revocations;
  }

  public Future<JsonObject> createPairing() {
    String secret = OpaqueTokens.generate(OpaqueTokens.PAIRING_SECRET);
    String expiresAt = Instant.now().plus(PAIRING_TTL).truncatedTo(ChronoUnit.MILLIS).toString();
    return createPairing(hashOf(secret), expiresAt, CODE_ATTEMPTS)
        .map(code -> new JsonObject().put("code", code).put("pairingSecret", secret).put("expiresAt", expiresAt));
  }

  private Future<String> createPairing(String secretHash, String expiresAt, int attemptsLeft) {
    if (attemptsLeft == 0) {
      return Future.failedFuture(new IllegalStateException("no free pairing code after " + CODE_ATTEMPTS + " tries"));
    }
    String code = newCode();
    return pairings.create(code, secretHash, expiresAt, PAIRING_TTL)
        .compose(created -> created ? Future.succeededFuture(code)
            : createPairing(secretHash, expiresAt, attemptsLeft - 1));
  }

  /**
   * The display row and the claim in Redis commit together: the row is written in a transaction
   * that only commits once the claim won, so a lost race or an expired code leaves no row behind.
   * (Were the commit itself to fail after that, the display's poll would find no display to give a
   * token to, get 410, and pair again.) The display gets no token here: see {@link #poll}.
   */
  public Future<JsonObject> claim(Principal caller, String rawCode, JsonObject body, FailureLimiter.Limit ipLimit) {
    UUID trainerId = caller.requireTrainer();
    String code = rawCode.toUpperCase(Locale.ROOT);
    return limiter.guard(List.of(ipLimit), () -> CODE.matcher(code).matches()
        ? pool.withTransaction(tx -> displays.insert(tx, trainerId, body.getString("name"), body.getString("location"))
            .compose(display -> pairings.claim(code, UUID.fromString(display.getString("id"))).compose(claim -> switch (claim) {
              case CLAIMED -> Future.succeededFuture(display);
              case ALREADY_CLAIMED ->
                  Future.failedFuture(ApiException.conflict("this pairing code was already claimed"));
              case UNKNOWN -> unknownPairing();
            })))
        : unknownPairing());
  }

  /**
   * Wrong code and wrong secret look the same (404), and both count as a failure for the caller's
   * address. Once claimed, the token is made now and handed out once: only its hash is written, and
   * Postgres lets one poll store it (another, even a concurrent one, gets 410).
   */
  public Future<PairingStatus> poll(String rawCode, String secret, FailureLimiter.Limit ipLimit) {
    String code = rawCode.toUpperCase(Locale.ROOT);
    return limiter.guard(List.of(ipLimit), () -> (CODE.matcher(code).matches() && secret != null
            ? pairings.poll(code, hashOf(secret)) : DisplayService.<PairingStore.Poll>unknownPairing())
        .compose(poll -> switch (poll.state()) {
          case PENDING -> Future.succeededFuture(new PairingStatus(false,
              new JsonObject().put("status", "pending").put("expiresAt", poll.expiresAt())));
          case CLAIMED -> handOutToken(poll.displayId());
          case UNKNOWN -> unknownPairing();
        }));
  }

  private Future<PairingStatus> handOutToken(UUID displayId) {
    String token = OpaqueTokens.generate(OpaqueTokens.DISPLAY);
    return displays.handOutToken(displayId, OpaqueTokens.hash(token)).compose(display -> display
        .map(d -> Future.succeededFuture(new PairingStatus(true, new JsonObject().put("displayToken", token).put("display", d))))
        .orElseGet(() -> Future.failedFuture(ApiException.gone("this display's token was already handed out"))));
  }

  public Future<JsonObject> list(Principal caller, Page page) {
    return displays.list(caller.requireTrainer(), page.afterTimestamp(0), page.afterUuid(1), page.fetchSize())
        .map(rows -> page.body(rows, NewestFirst::sortKey));
  }

  /**
   * The token stops authenticating at once (every request checks {@code revoked_at}), and a live
   * socket the display already has open is closed (4401).
   */
  public Future<Void> revoke(Principal caller, UUID id) {
    return displays.revoke(caller.requireTrainer(), id).compose(found -> {
      if (!found) {
        return Future.failedFuture(ApiException.notFound("display"));
      }
      return revocations.displayRevoked(id);
    });
  }

  private static <T> Future<T> unknownPairing() {
    return Future.failedFuture(ApiException.notFound("pairing"));
  }

  private static String hashOf(String secret) {
    return HexFormat.of().formatHex(OpaqueTokens.hash(secret));
  }

  private static String newCode() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    StringBuilder code = new StringBuilder(6);
    for (byte b : bytes) {
      code.append(ALPHABET.charAt(b & 31));
    }
    return code.toString();
  }
}
