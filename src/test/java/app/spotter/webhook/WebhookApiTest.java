package app.spotter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code /webhooks} as a trainer manages them; nothing here is delivered (the test stack sends no webhooks). */
class WebhookApiTest extends ApiTest {

  private static JsonObject webhook(String url, String... events) {
    JsonArray names = new JsonArray();
    for (String event : events) {
      names.add(event);
    }
    return new JsonObject().put("url", url).put("events", names);
  }

  @Test
  @DisplayName("a created webhook shows its whsec_ secret once; reads and lists never show it")
  void secretShownOnce() {
    Trainer trainer = registerTrainer();

    Reply created = trainer.api().post("/webhooks",
        webhook("http://127.0.0.1:9/hook", "trainee.created", "pr.achieved").put("description", "CRM"));

    assertThat(created.status()).isEqualTo(201);
    JsonObject body = created.json();
    String id = body.getString("id");
    assertThat(created.header("Location")).isEqualTo("/api/v1/webhooks/" + id);
    assertThat(body.getString("secret")).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(body.getString("secret").substring(6))).hasSize(32);
    assertThat(body.getJsonArray("events")).containsExactly("trainee.created", "pr.achieved");
    assertThat(body.getString("description")).isEqualTo("CRM");

    JsonObject read = trainer.api().get("/webhooks/" + id).json();
    assertThat(read.containsKey("secret")).isFalse();
    assertThat(read.getString("url")).isEqualTo("http://127.0.0.1:9/hook");
    Reply list = trainer.api().get("/webhooks");
    assertThat(list.items()).hasSize(1);
    assertThat(list.body()).doesNotContain(body.getString("secret"));
    assertThat(stack.count("SELECT count(*) FROM webhook_endpoint WHERE position(convert_to('"
        + body.getString("secret") + "', 'UTF8') in secret) > 0")).isZero();
  }

  @Test
  @DisplayName("unknown event names, an empty list and a non-http URL get 400 naming the field")
  void badInput() {
    Trainer trainer = registerTrainer();

    Reply unknown = trainer.api().post("/webhooks", webhook("http://127.0.0.1:9/hook", "session.paused"));
    Reply empty = trainer.api().post("/webhooks", webhook("http://127.0.0.1:9/hook"));
    Reply ftp = trainer.api().post("/webhooks", webhook("ftp://127.0.0.1/hook", "trainee.created"));
    Reply credentials = trainer.api().post("/webhooks", webhook("http://user:pw@127.0.0.1/hook", "trainee.created"));
    Reply relative = trainer.api().post("/webhooks", webhook("/hook", "trainee.created"));

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorFields()).anySatisfy(field -> assertThat(field).startsWith("events"));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.errorFields()).anySatisfy(field -> assertThat(field).startsWith("events"));
    for (Reply reply : new Reply[] {ftp, credentials, relative}) {
      assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
      assertThat(reply.errorFields()).containsExactly("url");
    }
    assertThat(stack.count("SELECT count(*) FROM webhook_endpoint")).isZero();
  }

  @Test
  @DisplayName("another trainer's webhook is not found: read, delivery log and delete get 404 and change nothing")
  void foreignWebhook() {
    Trainer owner = registerTrainer();
    Trainer other = registerTrainer();
    String id = owner.api().post("/webhooks", webhook("http://127.0.0.1:9/hook", "trainee.created")).json().getString("id");

    assertThat(other.api().get("/webhooks/" + id).status()).isEqualTo(404);
    assertThat(other.api().get("/webhooks/" + id + "/deliveries").status()).isEqualTo(404);
    assertThat(other.api().delete("/webhooks/" + id).status()).isEqualTo(404);
    assertThat(other.api().get("/webhooks").items()).isEmpty();
    assertThat(owner.api().get("/webhooks/" + id).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("a deleted webhook is gone, with the events waiting for it")
  void delete() {
    Trainer trainer = registerTrainer();
    String id = trainer.api().post("/webhooks", webhook("http://127.0.0.1:9/hook", "trainee.created")).json().getString("id");
    createTrainee(trainer.api(), "Sam");
    assertThat(stack.count("SELECT count(*) FROM webhook_delivery")).isEqualTo(1);

    assertThat(trainer.api().delete("/webhooks/" + id).status()).isEqualTo(204);

    assertThat(trainer.api().get("/webhooks/" + id).status()).isEqualTo(404);
    assertThat(trainer.api().delete("/webhooks/" + id).status()).isEqualTo(404);
    assertThat(stack.count("SELECT count(*) FROM webhook_delivery")).isZero();
  }

  @Test
  @DisplayName("events go to the trainer's endpoints subscribed to their type, and only when the change commits")
  void outboxFollowsTheChange() {
    Trainer trainer = registerTrainer();
    Trainer other = registerTrainer();
    String sessions = trainer.api().post("/webhooks", webhook("http://127.0.0.1:9/a", "session.started"))
        .json().getString("id");
    String trainees = trainer.api().post("/webhooks", webhook("http://127.0.0.1:9/b", "trainee.created"))
        .json().getString("id");
    other.api().post("/webhooks", webhook("http://127.0.0.1:9/c", "session.started", "trainee.created"));
    String trainee = createTrainee(trainer.api(), "Sam");

    JsonObject start = new JsonObject().put("traineeId", trainee);
    assertThat(trainer.api().post("/live-sessions", start).status()).isEqualTo(201);
    // A second live session for the trainee is refused: its event must not be written either.
    assertThat(trainer.api().post("/live-sessions", start).status()).isEqualTo(409);

    JsonArray sessionLog = trainer.api().get("/webhooks/" + sessions + "/deliveries").json().getJsonArray("items");
    JsonArray traineeLog = trainer.api().get("/webhooks/" + trainees + "/deliveries").json().getJsonArray("items");
    assertThat(sessionLog).hasSize(1);
    assertThat(sessionLog.getJsonObject(0).getString("type")).isEqualTo("session.started");
    assertThat(sessionLog.getJsonObject(0).getString("status")).isEqualTo("pending");
    assertThat(traineeLog).hasSize(1);
    assertThat(traineeLog.getJsonObject(0).getJsonObject("payload").getJsonObject("data").getString("traineeId"))
        .isEqualTo(trainee);
    assertThat(stack.count("SELECT count(*) FROM webhook_event")).isEqualTo(2);
  }

  @Test
  @DisplayName("a trainer has at most 20 webhooks: the 21st gets 409")
  void limit() {
    Trainer trainer = registerTrainer();
    for (int i = 0; i < WebhookService.MAX_ENDPOINTS; i++) {
      assertThat(trainer.api().post("/webhooks", webhook("http://127.0.0.1:9/" + i, "trainee.created")).status())
          .isEqualTo(201);
    }

    assertThat(trainer.api().post("/webhooks", webhook("http://127.0.0.1:9/x", "trainee.created")).status())
        .isEqualTo(409);
  }
}
