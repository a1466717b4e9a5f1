package app.spotter.support;

import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/** Base of black-box API tests: a clean database per test and helpers to get tokens. */
public abstract class ApiTest {
  protected static final String PASSWORD = "correct horse battery";
  protected TestStack stack;
  protected Api anonymous;

  @BeforeEach
  void cleanState() {
    stack = TestStack.get();
    stack.reset();
    anonymous = new Api(stack.baseUrl(), null);
  }

  /** Registers a fresh trainer and returns an API client holding their access token. */
  protected Trainer registerTrainer() {
    String email = "coach-" + UUID.randomUUID() + "@spotter.test";
    Reply reply = anonymous.post("/auth/register",
        new JsonObject().put("email", email).put("password", PASSWORD).put("name", "Coach Carter"));
    if (reply.status() != 201) {
      throw new AssertionError("registration failed: " + reply);
    }
    JsonObject body = reply.json();
    return new Trainer(body.getJsonObject("trainer").getString("id"), email, body.getString("refreshToken"),
        anonymous.as(body.getString("accessToken")));
  }

  protected String createTrainee(Api api, String name) {
    Reply reply = api.post("/trainees", new JsonObject().put("name", name));
    if (reply.status() != 201) {
      throw new AssertionError("trainee creation failed: " + reply);
    }
    return reply.json().getString("id");
  }

  /** A registered trainer: ids and a client with their token. */
  public record Trainer(String id, String email, String refreshToken, Api api) {}
}
