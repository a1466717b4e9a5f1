package app.spotter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WebhookSecretsTest {
  private final WebhookSecrets secrets = new WebhookSecrets("a-jwt-secret-a-jwt-secret-a-jwt-secret-0123");

  @Test
  @DisplayName("a secret is whsec_ and 32 random bytes in base64, never the same twice")
  void format() {
    String secret = secrets.generate();

    assertThat(secret).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
    assertThat(secrets.generate()).isNotEqualTo(secret);
  }

  @Test
  @DisplayName("a sealed secret opens to itself, holds no plain copy, and does not open under another JWT secret")
  void sealing() {
    String secret = secrets.generate();
    byte[] sealed = secrets.seal(secret);

    assertThat(secrets.open(sealed)).isEqualTo(secret);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(secret.substring(6));
    assertThat(secrets.seal(secret)).isNotEqualTo(sealed);
    WebhookSecrets other = new WebhookSecrets("another-jwt-secret-another-jwt-secret-0123");
    assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(IllegalStateException.class);
  }
}
