package app.spotter.display;

import app.spotter.auth.FailureLimiter;
import app.spotter.auth.OpaqueTokens;
import app.spotter.auth.Principal;
import app.spotter.http.ApiException;
import app.spotter.http.Page;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
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

  public DisplayService(Pool pool, DisplayRepository displays, PairingStore pairings, FailureLimiter limiter) {
    this.pool = pool;
    this.displays = displays;
    this.pairings = pairings;
    this.limiter = limiter;
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
   * (Were the commit itself to fail after that, the display would fetch a token that opens nothing
   * and pair again.)
   */
  public Future<JsonObject> claim(Principal caller, String rawCode, JsonObject body, FailureLimiter.Limit ipLimit) {
    UUID trainerId = caller.requireTrainer();
    String code = rawCode.toUpperCase(Locale.ROOT);
    String token = OpaqueTokens.generate(OpaqueTokens.DISPLAY);
    return limiter.guard(List.of(ipLimit), () -> CODE.matcher(code).matches()
        ? pool.withTransaction(tx -> displays.insert(tx, trainerId, body.getString("name"),
                body.getString("location"), OpaqueTokens.hash(token))
            .compose(display -> pairings.claim(code, token, display).compose(claim -> switch (claim) {
              case CLAIMED -> Future.succeededFuture(display);
              case ALREADY_CLAIMED ->
                  Future.failedFuture(ApiException.conflict("this pairing code was already claimed"));
              case UNKNOWN -> unknownPairing();
            })))
        : unknownPairing());
  }

  /** Wrong code and wrong secret look the same (404), and both count as a failure for the caller's address. */
  public Future<PairingStatus> poll(String rawCode, String secret, FailureLimiter.Limit ipLimit) {
    String code = rawCode.toUpperCase(Locale.ROOT);
    return limiter.guard(List.of(ipLimit), () -> (CODE.matcher(code).matches() && secret != null
            ? pairings.poll(code, hashOf(secret)) : DisplayService.<PairingStore.Poll>unknownPairing())
        .compose(poll -> switch (poll.state()) {
          case PENDING -> Future.succeededFuture(new PairingStatus(false,
              new JsonObject().put("status", "pending").put("expiresAt", poll.expiresAt())));
          case CLAIMED -> Future.succeededFuture(new PairingStatus(true,
              new JsonObject().put("displayToken", poll.displayToken()).put("display", poll.display())));
          case HANDED_OUT -> Future.failedFuture(ApiException.gone("this display's token was already handed out"));
          case UNKNOWN -> unknownPairing();
        }));
  }

  public Future<JsonObject> list(Principal caller, Page page) {
    return displays.list(caller.requireTrainer(), page.afterString(0), page.afterString(1), page.fetchSize())
        .map(rows -> page.body(rows, d -> new JsonArray().add(d.getString("createdAt")).add(d.getString("id"))));
  }

  /**
   * The token stops authenticating at once: every request checks {@code revoked_at}. Closing a socket
   * the display already has open (4401) is the live engine's part and belongs here once it exists.
   */
  public Future<Void> revoke(Principal caller, UUID id) {
    return displays.revoke(caller.requireTrainer(), id).map(found -> {
      if (!found) {
        throw ApiException.notFound("display");
      }
      return null;
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
