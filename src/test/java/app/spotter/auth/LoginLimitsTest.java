package app.spotter.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.Api;
import app.spotter.support.ApiTest;
import app.spotter.support.ExtraSpotter;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Failed logins elsewhere never lock the owner out of a device that signed in before (the spotter_device cookie). */
class LoginLimitsTest extends ApiTest {

  @Test
  @DisplayName("after 11 wrong passwords for an email from a device without the cookie, the owner's device still signs in; a cookieless attempt gets 429")
  void ownerDeviceSignsInDespiteFailuresElsewhere() {
    Trainer trainer = registerTrainer();
    String cookie = deviceCookie(login(anonymous, trainer.email(), PASSWORD));
    for (int i = 0; i < 11; i++) {
      login(anonymous, trainer.email(), "wrong " + i);
    }

    Reply owner = login(anonymous.header("Cookie", cookie), trainer.email(), PASSWORD);
    Reply cookieless = login(anonymous, trainer.email(), PASSWORD);

    assertThat(owner.status()).isEqualTo(200);
    assertThat(cookieless.status()).isEqualTo(429);
    assertThat(cookieless.header("Retry-After")).isNotBlank();
  }

  @Test
  @DisplayName("a device with the cookie gets as many failures of its own as an email would, then 429")
  void deviceHasItsOwnBudget() {
    Trainer trainer = registerTrainer();
    Api device = anonymous.header("Cookie", deviceCookie(login(anonymous, trainer.email(), PASSWORD)));
    for (int i = 0; i < 10; i++) {
      assertThat(login(device, trainer.email(), "wrong " + i).status()).isEqualTo(401);
    }

    assertThat(login(device, trainer.email(), PASSWORD).status()).isEqualTo(429);
  }

  @Test
  @DisplayName("another account's cookie, a forged one and a tampered one do not lift the per-email limit")
  void onlyTheAccountsOwnCookieCounts() {
    Trainer owner = registerTrainer();
    Trainer other = registerTrainer();
    String ownCookie = deviceCookie(login(anonymous, owner.email(), PASSWORD));
    String othersCookie = deviceCookie(login(anonymous, other.email(), PASSWORD));
    String value = ownCookie.substring(ownCookie.indexOf('=') + 1);
    String[] parts = value.split("\\.");
    for (int i = 0; i < 10; i++) {
      login(anonymous, owner.email(), "wrong " + i);
    }

    List<String> refused = List.of(
        othersCookie,
        DeviceCookies.NAME + "=forged.9999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        DeviceCookies.NAME + "=" + parts[0] + "." + (Long.parseLong(parts[1]) + 1) + "." + parts[2],
        DeviceCookies.NAME + "=" + parts[0] + "x." + parts[1] + "." + parts[2],
        DeviceCookies.NAME + "=" + value + "x",
        DeviceCookies.NAME + "=no-dots-at-all");
    for (String cookie : refused) {
      assertThat(login(anonymous.header("Cookie", cookie), owner.email(), PASSWORD).status()).as(cookie).isEqualTo(429);
    }
    assertThat(login(anonymous.header("Cookie", ownCookie), owner.email(), PASSWORD).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("a garbage or very long device cookie among other cookies is ignored: the login works as without it")
  void garbageCookieIgnored() {
    Trainer trainer = registerTrainer();
    String[] cookies = {DeviceCookies.NAME + "=" + "x".repeat(3000), "theme=dark; " + DeviceCookies.NAME + "=%00%ZZ; b=c",
        DeviceCookies.NAME + "=", DeviceCookies.NAME + "=a.b.c.d"};

    for (String cookie : cookies) {
      assertThat(login(anonymous.header("Cookie", cookie), trainer.email(), PASSWORD).status()).as(cookie).isEqualTo(200);
      assertThat(login(anonymous.header("Cookie", cookie), trainer.email(), "wrong").status()).as(cookie).isEqualTo(401);
    }
  }

  @Test
  @DisplayName("the per-address limit still applies to a device with the cookie; from another address it signs in")
  void addressLimitStillApplies() {
    try (ExtraSpotter spotter = ExtraSpotter.start(Map.of("SPOTTER_TRUST_PROXY", "true", "SPOTTER_FAILURES_PER_IP", "3"))) {
      Api api = new Api(spotter.baseUrl(), null);
      Trainer trainer = registerTrainer();
      String cookie = deviceCookie(login(api.header("X-Forwarded-For", "203.0.113.9"), trainer.email(), PASSWORD));
      Api busyAddress = api.header("X-Forwarded-For", "203.0.113.7").header("Cookie", cookie);
      for (int i = 0; i < 3; i++) {
        assertThat(login(busyAddress, trainer.email(), "wrong " + i).status()).isEqualTo(401);
      }

      assertThat(login(busyAddress, trainer.email(), PASSWORD).status()).isEqualTo(429);
      assertThat(login(api.header("X-Forwarded-For", "203.0.113.8").header("Cookie", cookie), trainer.email(), PASSWORD)
          .status()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("register and login set the spotter_device cookie: HttpOnly, SameSite=Strict, Path=/api/v1/auth, not Secure over http")
  void cookieAttributes() {
    Reply registered = anonymous.post("/auth/register",
        new JsonObject().put("email", "cookie@gym.test").put("password", PASSWORD).put("name", "Cookie"));
    Reply loggedIn = login(anonymous, "cookie@gym.test", PASSWORD);

    for (Reply reply : List.of(registered, loggedIn)) {
      String setCookie = setCookie(reply);
      assertThat(setCookie).startsWith(DeviceCookies.NAME + "=").containsIgnoringCase("; HttpOnly")
          .containsIgnoringCase("; SameSite=Strict").contains("; Path=/api/v1/auth").contains("Max-Age=")
          .doesNotContainIgnoringCase("Secure;").doesNotContainIgnoringCase("; Secure");
      assertThat(setCookie.toLowerCase()).doesNotContain("cookie@gym.test");
    }
  }

  @Test
  @DisplayName("when SPOTTER_PUBLIC_URL is https the cookie is also Secure")
  void secureOverHttps() {
    try (ExtraSpotter spotter = ExtraSpotter.start(Map.of("SPOTTER_PUBLIC_URL", "https://spotter.example"))) {
      Reply reply = new Api(spotter.baseUrl(), null).post("/auth/register",
          new JsonObject().put("email", "secure@gym.test").put("password", PASSWORD).put("name", "Secure"));

      assertThat(reply.status()).isEqualTo(201);
      assertThat(setCookie(reply)).containsIgnoringCase("; Secure").containsIgnoringCase("; HttpOnly")
          .containsIgnoringCase("; SameSite=Strict");
    }
  }

  private static Reply login(Api api, String email, String password) {
    return api.post("/auth/login", new JsonObject().put("email", email).put("password", password));
  }

  private static String setCookie(Reply reply) {
    return reply.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(DeviceCookies.NAME + "="))
        .findFirst().orElseThrow(() -> new AssertionError("no " + DeviceCookies.NAME + " cookie in " + reply.headers()));
  }

  /** The {@code name=value} part, as a browser sends it back. */
  private static String deviceCookie(Reply reply) {
    assertThat(reply.status()).isEqualTo(200);
    return setCookie(reply).split(";", 2)[0];
  }
}
