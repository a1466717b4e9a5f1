package app.spotter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  @DisplayName("the signature is the one Python's hmac module computes for the same secret, id, timestamp and body")
  void knownAnswer() {
    String signature = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw5TjtjU0aA7U=",
        "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");

    // base64(hmac.new(b64decode(key), b"msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{\"test\": 2432232314}", sha256))
    assertThat(signature).isEqualTo("v1,CEqPH8elfxJfvX7UuEH6ZNMtmkfDg0AIzgAQZFil6Ck=");
  }

  @Test
  @DisplayName("id, timestamp and body are all signed")
  void everyPartCounts() {
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw5TjtjU0aA7U=";
    String signature = WebhookSignature.sign(secret, "a", 1, "{}");

    assertThat(WebhookSignature.sign(secret, "b", 1, "{}")).isNotEqualTo(signature);
    assertThat(WebhookSignature.sign(secret, "a", 2, "{}")).isNotEqualTo(signature);
    assertThat(WebhookSignature.sign(secret, "a", 1, "{ }")).isNotEqualTo(signature);
  }
}
