package app.spotter.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What browsers are told about every answer: pages, API answers (errors included) and operations. */
class SecurityHeadersTest extends ApiTest {

  @ParameterizedTest
  @ValueSource(strings = {"/", "/trainer/", "/trainee/", "/display/"})
  @DisplayName("every page carries a CSP of its own origin that no other page may frame, nosniff and a Referrer-Policy")
  void pages(String page) {
    Reply html = anonymous.get(stack.baseUrl() + page);
    assertThat(html.contentType()).startsWith("text/html");
    assertThat(html.header("Content-Security-Policy"))
        .contains("default-src 'self'").contains("frame-ancestors 'none'")
        .doesNotContain("unsafe").doesNotContain("data:").doesNotContain("*");
    assertThat(html.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(html.header("Referrer-Policy")).isEqualTo("no-referrer");
  }

  @Test
  @DisplayName("an API answer to a request with a token is nosniff and no-store, and carries no page policy")
  void withToken() {
    Reply reply = registerTrainer().api().get("/trainees");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    assertThat(reply.header("Content-Security-Policy")).isNull();
  }

  @Test
  @DisplayName("an API answer without a token is nosniff and no-store too: login and register hand out tokens")
  void withoutToken() {
    Trainer trainer = registerTrainer();
    Reply login = anonymous.post("/auth/login",
        new JsonObject().put("email", trainer.email()).put("password", PASSWORD));
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(login.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  @DisplayName("error answers carry the headers too: a 401, an API 404 and a 404 outside the API")
  void errors() {
    Reply unauthorized = anonymous.get("/trainees");
    assertThat(unauthorized.status()).isEqualTo(401);
    assertThat(unauthorized.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(unauthorized.header("Cache-Control")).isEqualTo("no-store");

    Reply apiNotFound = anonymous.get("/no-such-thing");
    assertThat(apiNotFound.status()).isEqualTo(404);
    assertThat(apiNotFound.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(apiNotFound.header("Cache-Control")).isEqualTo("no-store");

    Reply pageNotFound = anonymous.get(stack.baseUrl() + "/no-such-page.txt");
    assertThat(pageNotFound.status()).isEqualTo(404);
    assertThat(pageNotFound.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/openapi.yaml", "/health/live", "/health/ready", "/metrics"})
  @DisplayName("the contract, health and metrics answers are nosniff")
  void operations(String path) {
    Reply reply = anonymous.get(path);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }
}
