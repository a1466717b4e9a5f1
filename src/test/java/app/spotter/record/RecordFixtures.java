package app.spotter.record;

import app.spotter.support.ApiTest.Trainer;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Request bodies for record tests, and what they refer to, made through the API. */
final class RecordFixtures {
  private RecordFixtures() {}

  /** A session of one of the trainer's programs. */
  static String trainingSession(Trainer trainer) {
    String programId = created(trainer.api().post("/programs", new JsonObject().put("name", "Block A")))
        .getString("id");
    return created(trainer.api().post("/programs/" + programId + "/sessions",
        new JsonObject().put("name", "Week 1 day 1"))).getString("id");
  }

  /** An exercise of one of the trainer's session templates. */
  static String exerciseTemplate(Trainer trainer) {
    JsonObject template = created(trainer.api().post("/session-templates", new JsonObject().put("name", "Legs")
        .put("exercises", new JsonArray().add(new JsonObject().put("exerciseName", "Squat")))));
    return template.getJsonArray("exercises").getJsonObject(0).getString("id");
  }

  static JsonObject set(String id, int reps, double weight) {
    return new JsonObject().put("id", id).put("reps", reps).put("weight", weight).put("unit", "kg");
  }

  static JsonObject exercise(String name, JsonObject... sets) {
    return new JsonObject().put("exerciseName", name).put("sets", new JsonArray(new ArrayList<>(List.of(sets))));
  }

  static JsonObject record(String traineeId, String date, JsonObject... exercises) {
    return new JsonObject().put("traineeId", traineeId).put("sessionDate", date)
        .put("exercises", new JsonArray(new ArrayList<>(List.of(exercises))));
  }

  private static JsonObject created(Reply reply) {
    if (reply.status() != 201) {
      throw new AssertionError("expected 201, got " + reply);
    }
    return reply.json();
  }
}
