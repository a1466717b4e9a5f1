package app.spotter.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Endpoint signing secrets. Signing needs the secret itself, so unlike tokens it cannot be kept as
 * a hash: it is sealed with AES-256-GCM under a key derived from the JWT secret, so a copy of the
 * database alone signs nothing. Changing the JWT secret therefore makes every endpoint's secret
 * unreadable: such endpoints have to be created again (docs/webhooks.md).
 */
final class WebhookSecrets {
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final String CONTEXT = "spotter webhook secrets v1";

  private final SecureRandom random = new SecureRandom();
  private final SecretKeySpec sealingKey;

  WebhookSecrets(String jwtSecret) {
    this.sealingKey = new SecretKeySpec(derive(jwtSecret), "AES");
  }

  /** {@code whsec_} and 32 random bytes in base64: what the endpoint's owner is shown once. */
  String generate() {
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    return WebhookSignature.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The nonce followed by the ciphertext and its tag. */
  byte[] seal(String secret) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, secret.getBytes(StandardCharsets.UTF_8), 0);
    return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
  }

  String open(byte[] sealed) {
    byte[] nonce = Arrays.copyOf(sealed, NONCE_BYTES);
    return new String(crypt(Cipher.DECRYPT_MODE, nonce, sealed, NONCE_BYTES), StandardCharsets.UTF_8);
  }

  private byte[] crypt(int mode, byte[] nonce, byte[] input, int offset) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, sealingKey, new GCMParameterSpec(TAG_BITS, nonce));
      return cipher.doFinal(input, offset, input.length - offset);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a webhook secret could not be sealed or opened (was the JWT secret changed?)", e);
    }
  }

  private static byte[] derive(String jwtSecret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(jwtSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(CONTEXT.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
