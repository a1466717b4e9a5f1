package app.spotter.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the coaching numbers take over REST: targetRpe on exercises, muscles and resolvedAt on injuries. */
class CoachingInputApiTest extends ApiTest {

  private String template(Trainer trainer) {
    Reply reply = trainer.api().post("/session-templates", new JsonObject().put("name", "Legs"));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().getString("id");
  }

  @Test
  @DisplayName("targetRpe is 6 to 10 in halves on exercise templates: 8.5 is kept and null clears it;"
      + " 5.5, 10.5 and 7.25 get 400 naming targetRpe")
  void templateTargetRpe() {
    Trainer trainer = registerTrainer();
    String template = template(trainer);
    String exercises = "/session-templates/" + template + "/exercises";

    Reply created = trainer.api().post(exercises, new JsonObject().put("exerciseName", "Squat").put("targetRpe", 8.5));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().getDouble("targetRpe")).isEqualTo(8.5);
    String id = created.json().getString("id");
    for (double bad : new double[] {5.5, 10.5, 7.25}) {
      Reply rejected = trainer.api().post(exercises, new JsonObject().put("exerciseName", "Squat").put("targetRpe", bad));
      assertThat(rejected.status()).as("targetRpe " + bad).isEqualTo(400);
      assertThat(rejected.errorFields()).as("targetRpe " + bad).contains("targetRpe");
      assertThat(trainer.api().patch(exercises + "/" + id, new JsonObject().put("targetRpe", bad)).status()).isEqualTo(400);
    }
    assertThat(trainer.api().get(exercises).json().getJsonArray("items").getJsonObject(0).getDouble("targetRpe")).isEqualTo(8.5);
    Reply cleared = trainer.api().patch(exercises + "/" + id, new JsonObject().putNull("targetRpe"));
    assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
    assertThat(cleared.json().getValue("targetRpe")).isNull();
    assertThat(cleared.json().containsKey("targetRpe")).isTrue();
  }

  @Test
  @DisplayName("exercise records take targetRpe as templates do: 6 and 10 are in, 7.25 is 400")
  void recordTargetRpe() {
    Trainer trainer = registerTrainer();
    String trainee = createTrainee(trainer.api(), "Maria Lopez");
    JsonObject session = new JsonObject().put("traineeId", trainee).put("sessionDate", "2026-11-20").put("status", "completed");

    Reply kept = trainer.api().post("/session-records", session.copy().put("exercises", new JsonArray()
        .add(new JsonObject().put("exerciseName", "Squat").put("targetRpe", 6))
        .add(new JsonObject().put("exerciseName", "Bench").put("targetRpe", 10))));
    Reply rejected = trainer.api().post("/session-records", session.copy().put("exercises", new JsonArray()
        .add(new JsonObject().put("exerciseName", "Squat").put("targetRpe", 7.25))));

    assertThat(kept.status()).as(kept.toString()).isEqualTo(201);
    assertThat(kept.json().getJsonArray("exercises").getJsonObject(1).getDouble("targetRpe")).isEqualTo(10.0);
    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.errorFields()).anyMatch(field -> field.contains("targetRpe"));
  }

  @Test
  @DisplayName("an injury keeps its muscles and resolvedAt; a muscle the library does not name, or a resolvedAt"
      + " that is no date-time, is 400 naming the injuries")
  void injuries() {
    Trainer trainer = registerTrainer();
    JsonObject knee = new JsonObject().put("area", "left knee").put("note", "ACL 2019").put("since", "2019-03-01");
    JsonObject shoulder = new JsonObject().put("area", "shoulder").put("muscles", new JsonArray().add("shoulders").add("traps"))
        .put("resolvedAt", "2026-11-02T10:00:00Z");

    Reply created = trainer.api().post("/trainees", new JsonObject().put("name", "Maria Lopez")
        .put("injuries", new JsonArray().add(knee).add(shoulder)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().getString("id");
    assertThat(trainer.api().get("/trainees/" + id).json().getJsonArray("injuries"))
        .isEqualTo(new JsonArray().add(knee).add(shoulder));

    for (JsonObject bad : new JsonObject[] {
        knee.copy().put("muscles", new JsonArray().add("quads")),
        knee.copy().put("resolvedAt", "yesterday"),
        knee.copy().put("muscles", "quadriceps")}) {
      Reply rejected = trainer.api().patch("/trainees/" + id, new JsonObject().put("injuries", new JsonArray().add(bad)));
      assertThat(rejected.status()).as(bad.encode()).isEqualTo(400);
      assertThat(rejected.errorFields()).as(bad.encode()).anyMatch(field -> field.startsWith("injuries"));
    }
    Reply restored = trainer.api().patch("/trainees/" + id, new JsonObject().put("injuries", new JsonArray()
        .add(knee).add(shoulder.copy().putNull("resolvedAt"))));
    assertThat(restored.status()).as("null is no date-time: restoring removes resolvedAt").isEqualTo(400);
  }
}
