package app.spotter.template;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.LiveFixtures;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TemplateDuplicateApiTest extends ApiTest {

  private static List<String> names(JsonObject template) {
    return template.getJsonArray("exercises").stream().map(e -> ((JsonObject) e).getString("exerciseName")).toList();
  }

  @Test
  @DisplayName("a duplicate is a new template named \"<name> (copy)\" with copies of the exercises, in order")
  void duplicate() {
    Trainer trainer = registerTrainer();
    String original = LiveFixtures.template(trainer, "Squat", "Bench", "Row");
    trainer.api().patch("/session-templates/" + original, new JsonObject().put("category", "strength"));

    Reply copy = trainer.api().post("/session-templates/" + original + "/duplicate", null);

    assertThat(copy.status()).as(copy.toString()).isEqualTo(201);
    JsonObject body = copy.json();
    assertThat(copy.header("Location")).isEqualTo("/api/v1/session-templates/" + body.getString("id"));
    assertThat(body.getString("id")).isNotEqualTo(original);
    assertThat(body.getString("name")).isEqualTo("Full body (copy)");
    assertThat(body.getString("category")).isEqualTo("strength");
    assertThat(names(body)).containsExactly("Squat", "Bench", "Row");
    assertThat(body.getJsonArray("exercises").getJsonObject(1).getInteger("targetReps")).isEqualTo(8);
    JsonObject reread = trainer.api().get("/session-templates/" + body.getString("id")).json();
    assertThat(reread.getJsonArray("exercises")).isEqualTo(body.getJsonArray("exercises"));
    // The copies are the copy's own: editing one leaves the original alone.
    String copiedId = body.getJsonArray("exercises").getJsonObject(0).getString("id");
    trainer.api().patch("/session-templates/" + body.getString("id") + "/exercises/" + copiedId,
        new JsonObject().put("exerciseName", "Front squat"));
    assertThat(names(trainer.api().get("/session-templates/" + original).json())).containsExactly("Squat", "Bench", "Row");
  }

  @Test
  @DisplayName("a duplicate takes the name given; a renamed template keeps its exercises")
  void namedAndRenamed() {
    Trainer trainer = registerTrainer();
    String original = LiveFixtures.template(trainer, "Squat");

    Reply copy = trainer.api().post("/session-templates/" + original + "/duplicate", new JsonObject().put("name", "Legs B"));
    Reply renamed = trainer.api().patch("/session-templates/" + original, new JsonObject().put("name", "Legs A"));

    assertThat(copy.json().getString("name")).isEqualTo("Legs B");
    assertThat(renamed.json().getString("name")).isEqualTo("Legs A");
    assertThat(names(renamed.json())).containsExactly("Squat");
  }

  @Test
  @DisplayName("the default name of a 200-character template's copy still fits")
  void longName() {
    Trainer trainer = registerTrainer();
    String id = trainer.api().post("/session-templates", new JsonObject().put("name", "x".repeat(200))).json().getString("id");

    Reply copy = trainer.api().post("/session-templates/" + id + "/duplicate", new JsonObject());

    assertThat(copy.status()).as(copy.toString()).isEqualTo(201);
    assertThat(copy.json().getString("name")).isEqualTo("x".repeat(193) + " (copy)");
  }

  @Test
  @DisplayName("another trainer's template is 404, an empty or unknown field 400, and nothing is created")
  void refused() {
    Trainer owner = registerTrainer();
    Trainer other = registerTrainer();
    String original = LiveFixtures.template(owner, "Squat");

    Reply foreign = other.api().post("/session-templates/" + original + "/duplicate", null);
    Reply empty = owner.api().post("/session-templates/" + original + "/duplicate", new JsonObject().put("name", ""));
    Reply unknown = owner.api().post("/session-templates/" + original + "/duplicate", new JsonObject().put("notes", "x"));

    assertThat(foreign.status()).isEqualTo(404);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.errorFields()).contains("name");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(stack.count("SELECT count(*) FROM session_template")).isEqualTo(1);
  }
}
