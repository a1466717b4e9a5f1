package app.spotter.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.Api;
import app.spotter.support.ApiTest;
import app.spotter.support.LiveFixtures;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code GET /session-records/{id}/summary}: its numbers, worked out by hand, and who may read it. */
class SessionSummaryApiTest extends ApiTest {
  private static final double KG_PER_LB = 0.45359237;

  private static JsonObject set(String id, String kind, int reps, double weight, String unit, Double rpe) {
    JsonObject set = new JsonObject().put("id", id).put("kind", kind).put("reps", reps).put("weight", weight)
        .put("unit", unit);
    return rpe == null ? set : set.put("rpe", rpe);
  }

  /**
   * 08:00 to 09:05. Squat: a warm-up, 5 x 100 kg @ 8, 5 x 102.5 kg @ 8.5. Bench: 8 x 135 lb @ 7, a drop
   * set of 10 x 95 lb without RPE. Plank: a warm-up only.
   */
  private String mixedSession(Trainer trainer, String traineeId) {
    JsonObject body = new JsonObject().put("traineeId", traineeId).put("sessionDate", "2026-11-20")
        .put("startTime", "2026-11-20T08:00:00Z").put("endTime", "2026-11-20T09:05:00Z")
        .put("exercises", new JsonArray()
            .add(new JsonObject().put("exerciseName", "Squat").put("sets", new JsonArray()
                .add(set("w", "warmup", 5, 60, "kg", null))
                .add(set("a", "working", 5, 100, "kg", 8.0))
                .add(set("b", "working", 5, 102.5, "kg", 8.5))))
            .add(new JsonObject().put("exerciseName", "Bench press").put("sets", new JsonArray()
                .add(set("c", "working", 8, 135, "lb", 7.0))
                .add(set("d", "drop", 10, 95, "lb", null))))
            .add(new JsonObject().put("exerciseName", "Plank").put("sets", new JsonArray()
                .add(new JsonObject().put("id", "p").put("kind", "warmup").put("durationSeconds", 60)))));
    Reply created = trainer.api().post("/session-records", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("id");
  }

  @Test
  @DisplayName("the summary counts working sets only and converts pound sets exactly into the trainer's kilograms")
  void numbersInKilograms() {
    Trainer trainer = registerTrainer();
    String id = mixedSession(trainer, createTrainee(trainer.api(), "Maria Lopez"));

    Reply reply = trainer.api().get("/session-records/" + id + "/summary");

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonObject summary = reply.json();
    assertThat(summary.getLong("durationSeconds")).as("65 minutes").isEqualTo(3900);
    assertThat(summary.getInteger("exercises")).as("the plank had only a warm-up").isEqualTo(2);
    assertThat(summary.getInteger("workingSets")).isEqualTo(4);
    // 5 x 100 + 5 x 102.5 + (8 x 135 + 10 x 95) x 0.45359237 = 1933.29
    assertThat(summary.getDouble("volume")).isEqualTo(1933.3);
    assertThat(summary.getString("unit")).isEqualTo("kg");
    // (8 + 8.5 + 7) / 3 = 7.83: the drop set has no RPE, the warm-up is not work
    assertThat(summary.getDouble("averageRpe")).isEqualTo(7.8);
    // b beats a within the session; the drop set's 10 reps at 95 lb beat 8 at 135 lb, the heavier
    JsonArray records = summary.getJsonArray("records");
    assertThat(records.stream().map(r -> ((JsonObject) r).getString("setId") + " " + ((JsonObject) r).getString("kind")))
        .containsExactly("b e1rm", "b weight", "d reps");
    assertThat(records.getJsonObject(1).getDouble("previous")).isEqualTo(100.0);
    assertThat(records.getJsonObject(2).getInteger("previous")).isEqualTo(8);
    JsonArray best = summary.getJsonArray("bestSets");
    assertThat(best).hasSize(2);
    // squat: 102.5 / p(6.5) = 102.5 / 0.824 = 124.39 beats 100 / p(7) = 123.30
    assertThat(best.getJsonObject(0).getString("exerciseName")).isEqualTo("Squat");
    assertThat(best.getJsonObject(0).getString("setId")).isEqualTo("b");
    assertThat(best.getJsonObject(0).getDouble("e1rm")).isEqualTo(124.4);
    assertThat(best.getJsonObject(0).getDouble("weight")).isEqualTo(102.5);
    // bench: 135 / p(11) = 135 / 0.707 = 190.95 lb = 86.61 kg beats 95 / p(10) = 128.55 lb
    assertThat(best.getJsonObject(1).getString("setId")).isEqualTo("c");
    assertThat(best.getJsonObject(1).getDouble("e1rm")).isEqualTo(86.6);
    assertThat(best.getJsonObject(1).getDouble("weight")).as("135 x 0.45359237 = 61.23").isEqualTo(61.2);
    assertThat(best.getJsonObject(1).getInteger("reps")).isEqualTo(8);
    assertThat(best.getJsonObject(1).getString("unit")).isEqualTo("kg");
  }

  @Test
  @DisplayName("a trainer who works in pounds gets the same session in pounds")
  void numbersInPounds() {
    Trainer trainer = registerTrainer();
    String id = mixedSession(trainer, createTrainee(trainer.api(), "Maria Lopez"));
    stack.execute("UPDATE trainer SET unit = 'lb' WHERE id = '" + trainer.id() + "'");

    JsonObject summary = trainer.api().get("/session-records/" + id + "/summary").json();

    assertThat(summary.getString("unit")).isEqualTo("lb");
    assertThat(summary.getDouble("volume")).isEqualTo(Math.round(1933.2925111 / KG_PER_LB * 10) / 10.0)
        .isEqualTo(4262.2);
    JsonObject squat = summary.getJsonArray("bestSets").getJsonObject(0);
    // 102.5 kg = 225.97 lb; 124.39 kg = 274.24 lb
    assertThat(squat.getDouble("weight")).isEqualTo(226.0);
    assertThat(squat.getDouble("e1rm")).isEqualTo(274.2);
    assertThat(summary.getJsonArray("bestSets").getJsonObject(1).getDouble("e1rm")).isEqualTo(190.9);
  }

  @Test
  @DisplayName("a session without work has zeros, no average RPE and no duration without times")
  void empty() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Tom");
    String id = trainer.api().post("/session-records", new JsonObject().put("traineeId", traineeId)
        .put("sessionDate", "2026-11-21")).json().getString("id");

    JsonObject summary = trainer.api().get("/session-records/" + id + "/summary").json();

    assertThat(summary).isEqualTo(new JsonObject().put("durationSeconds", null).put("exercises", 0)
        .put("workingSets", 0).put("volume", 0.0).put("unit", "kg").put("averageRpe", null).put("formRating", null)
        .put("records", new JsonArray()).put("bestSets", new JsonArray()));
  }

  @Test
  @DisplayName("another trainer's session and an unknown id are 404; a trainee reads their own summary only")
  void access() {
    Trainer trainer = registerTrainer();
    String maria = createTrainee(trainer.api(), "Maria Lopez");
    String tom = createTrainee(trainer.api(), "Tom");
    String marias = mixedSession(trainer, maria);
    String toms = mixedSession(trainer, tom);
    Api mariaPhone = trainer.api().as(LiveFixtures.traineeToken(trainer, maria));

    assertThat(registerTrainer().api().get("/session-records/" + marias + "/summary").status()).isEqualTo(404);
    assertThat(trainer.api().get("/session-records/00000000-0000-0000-0000-000000000000/summary").status())
        .isEqualTo(404);
    assertThat(mariaPhone.get("/session-records/" + toms + "/summary").status()).isEqualTo(404);
    Reply own = mariaPhone.get("/session-records/" + marias + "/summary");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().getInteger("workingSets")).isEqualTo(4);
    assertThat(trainer.api().get("/session-records/not-a-uuid/summary").status()).as("as for any id").isEqualTo(404);
  }
}
