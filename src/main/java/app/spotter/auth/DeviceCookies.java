package app.spotter.auth;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code spotter_device} cookie: proof that this browser signed in to an account before, so that
 * failed logins elsewhere (counted per email) do not lock its owner out. Its value is
 * {@code <random id>.<expiry, epoch s>.<HMAC-SHA256 of id, expiry and the lower-cased email>}, keyed
 * with a key derived from the JWT secret: it cannot be forged or moved to another account, it says
 * nothing about the account, and nothing needs storing. A stolen one only trades the email's failure
 * budget for the device's own (same size), so it is not worth revoking one by one; changing
 * {@code SPOTTER_JWT_SECRET} voids them all.
 */
public final class DeviceCookies {
  public static final String NAME = "spotter_device";
  static final Duration LIFETIME = Duration.ofDays(365);
  private static final String PATH = "/api/v1/auth";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;
  private final boolean secure;

  /** {@code secure}: clients reach Spotter over https only, so the cookie must never travel over http. */
  public DeviceCookies(String jwtSecret, boolean secure) {
    // A key of its own, so the cookie's MACs and the access tokens' signatures never share one.
    byte[] derived = hmac(new SecretKeySpec(jwtSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
        "spotter device cookie v1");
    this.key = new SecretKeySpec(derived, "HmacSHA256");
    this.secure = secure;
  }

  /** A new cookie for a device that just signed in to the account with this email. */
  public Cookie issue(String email) {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    String idAndExpiry = BASE64.encodeToString(id) + "." + Instant.now().plus(LIFETIME).getEpochSecond();
    return Cookie.cookie(NAME, idAndExpiry + "." + mac(idAndExpiry, email))
        .setPath(PATH)
        .setMaxAge(LIFETIME.toSeconds())
        .setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT)
        .setSecure(secure);
  }

  /** The device's id when {@code value} is an unexpired cookie of ours for this email; empty for anything else. */
  public Optional<String> deviceFor(String value, String email) {
    if (value == null || email == null) {
      return Optional.empty();
    }
    String[] parts = value.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    String idAndExpiry = parts[0] + "." + parts[1];
    boolean genuine = MessageDigest.isEqual(mac(idAndExpiry, email).getBytes(StandardCharsets.US_ASCII),
        parts[2].getBytes(StandardCharsets.US_ASCII));
    return genuine && unexpired(parts[1]) ? Optional.of(parts[0]) : Optional.empty();
  }

  private static boolean unexpired(String epochSeconds) {
    try {
      return Long.parseLong(epochSeconds) > Instant.now().getEpochSecond();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private String mac(String idAndExpiry, String email) {
    return BASE64.encodeToString(hmac(key, idAndExpiry + "." + email.toLowerCase(Locale.ROOT)));
  }

  private static byte[] hmac(SecretKeySpec key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
