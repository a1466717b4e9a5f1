package app.spotter.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.Reply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Answers that come from the HTTP layer rather than from a route: 405, 414, 431. */
class HttpEdgesTest extends ApiTest {

  @Test
  @DisplayName("a method the path does not answer gets 405 problem+json with Allow listing the contract's methods")
  void methodNotAllowed() {
    Trainer trainer = registerTrainer();
    Reply collection = trainer.api().delete("/trainees");
    assertThat(collection.status()).isEqualTo(405);
    assertThat(collection.contentType()).startsWith("application/problem+json");
    assertThat(collection.header("Allow")).isEqualTo("GET, POST");

    Reply item = trainer.api().put("/trainees/" + createTrainee(trainer.api(), "Ana"), "{}");
    assertThat(item.status()).isEqualTo(405);
    assertThat(item.header("Allow")).isEqualTo("DELETE, GET, PATCH");

    Reply contract = anonymous.post("/openapi.yaml", "{}");
    assertThat(contract.status()).isEqualTo(405);
    assertThat(contract.header("Allow")).isEqualTo("GET");
  }

  @Test
  @DisplayName("outside the API (pages, health, metrics) a 405 allows GET and HEAD, and HEAD is answered")
  void methodNotAllowedOutsideApi() {
    for (String path : new String[] {"/health/live", "/metrics", "/trainer/"}) {
      Reply reply = anonymous.post(stack.baseUrl() + path, "{}");
      assertThat(reply.status()).as(path).isEqualTo(405);
      assertThat(reply.contentType()).as(path).startsWith("application/problem+json");
      assertThat(reply.header("Allow")).as(path).isEqualTo("GET, HEAD");
      assertThat(anonymous.send("HEAD", stack.baseUrl() + path, null).status()).as("HEAD " + path).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("a request line over 4 KiB gets 414 problem+json")
  void uriTooLong() {
    Reply reply = anonymous.get("/trainees?q=" + "x".repeat(5_000));
    assertThat(reply.status()).isEqualTo(414);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().getInteger("status")).isEqualTo(414);
    assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  @DisplayName("headers over 8 KiB get 431 problem+json")
  void headersTooLarge() {
    Reply reply = anonymous.header("X-Padding", "x".repeat(9_000)).get("/trainees");
    assertThat(reply.status()).isEqualTo(431);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().getInteger("status")).isEqualTo(431);
  }
}
