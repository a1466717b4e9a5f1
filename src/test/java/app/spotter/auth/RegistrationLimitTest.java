package app.spotter.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.Api;
import app.spotter.support.ApiTest;
import app.spotter.support.ExtraSpotter;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPOTTER_REGISTRATIONS_PER_IP caps registration attempts per address per hour; 0 lifts the cap. */
class RegistrationLimitTest extends ApiTest {

  @Test
  @DisplayName("with a limit of 2, the third registration attempt from an address gets 429 with Retry-After, a refused duplicate counting too; another address still registers")
  void limited() {
    try (ExtraSpotter spotter = ExtraSpotter.start(Map.of("SPOTTER_REGISTRATIONS_PER_IP", "2",
        "SPOTTER_TRUST_PROXY", "true"))) {
      Api address = new Api(spotter.baseUrl(), null).header("X-Forwarded-For", "198.51.100.4");
      assertThat(register(address, "not-an-email").status()).as("a body refused before hashing").isEqualTo(400);
      assertThat(register(address, "first@gym.test").status()).isEqualTo(201);
      assertThat(register(address, "FIRST@gym.test").status()).isEqualTo(409);

      Reply limited = register(address, "third@gym.test");

      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.contentType()).isEqualTo("application/problem+json");
      assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
      assertThat(stack.count("SELECT count(*) FROM trainer WHERE email = 'third@gym.test'")).isZero();
      Api otherAddress = new Api(spotter.baseUrl(), null).header("X-Forwarded-For", "198.51.100.5");
      assertThat(register(otherAddress, "third@gym.test").status()).isEqualTo(201);
    }
  }

  @Test
  @DisplayName("with 0 (as this test stack has) registrations from one address are unlimited: twelve in a row all get 201")
  void zeroMeansUnlimited() {
    assertThat(stack.env.get("SPOTTER_REGISTRATIONS_PER_IP")).isEqualTo("0");
    for (int i = 0; i < 12; i++) {
      assertThat(register(anonymous, "coach" + i + "@gym.test").status()).isEqualTo(201);
    }
  }

  private static Reply register(Api api, String email) {
    return api.post("/auth/register", new JsonObject().put("email", email).put("password", PASSWORD).put("name", "Coach"));
  }
}
