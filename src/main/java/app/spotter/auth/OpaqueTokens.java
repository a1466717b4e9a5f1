package app.spotter.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random bearer secrets (refresh tokens, access links, display tokens). A prefix tells the kind;
 * only the SHA-256 hash is stored, so a database leak hands out no usable token.
 */
public final class OpaqueTokens {
  public static final String REFRESH = "spr_";
  public static final String ACCESS_LINK = "spl_";
  public static final String DISPLAY = "spd_";
  public static final String PAIRING_SECRET = "spp_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private OpaqueTokens() {}

  public static String generate(String prefix) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
