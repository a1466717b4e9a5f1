package app.spotter.record;

import app.spotter.auth.AccessTokens;
import app.spotter.support.TestStack;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;

/**
 * What record tests need that the API on this branch cannot make: trainee tokens (minted with the
 * server's key, with a matching access-link row), training sessions and exercise templates; plus
 * request bodies.
 */
final class RecordFixtures {
  private RecordFixtures() {}

  static String traineeToken(TestStack stack, String trainerId, String traineeId) {
    UUID linkId = UUID.randomUUID();
    change(stack, "INSERT INTO trainee_access_link (id, trainee_id, trainer_id, token_hash, expires_at) VALUES ('"
        + linkId + "', '" + traineeId + "', '" + trainerId + "', decode(md5(random()::text), 'hex'), now() + interval '1 day')");
    AccessTokens tokens = new AccessTokens(stack.vertx, stack.env.get("SPOTTER_JWT_SECRET"),
        Duration.ofMinutes(15), Duration.ofHours(1));
    return tokens.forTrainee(UUID.fromString(traineeId), UUID.fromString(trainerId), linkId);
  }

  static String trainingSession(TestStack stack, String trainerId) {
    String programId = UUID.randomUUID().toString();
    String sessionId = UUID.randomUUID().toString();
    change(stack, "INSERT INTO program (id, trainer_id, name) VALUES ('" + programId + "', '" + trainerId + "', 'Block A')");
    change(stack, "INSERT INTO training_session (id, program_id, trainer_id, name) VALUES ('" + sessionId + "', '"
        + programId + "', '" + trainerId + "', 'Week 1 day 1')");
    return sessionId;
  }

  static String exerciseTemplate(TestStack stack, String trainerId) {
    String templateId = UUID.randomUUID().toString();
    String exerciseId = UUID.randomUUID().toString();
    change(stack, "INSERT INTO session_template (id, trainer_id, name) VALUES ('" + templateId + "', '" + trainerId
        + "', 'Legs')");
    change(stack, "INSERT INTO exercise_template (id, session_template_id, exercise_name, order_index) VALUES ('"
        + exerciseId + "', '" + templateId + "', 'Squat', 0)");
    return exerciseId;
  }

  /** Puts a record into the live state as the live engine would. */
  static void makeLive(TestStack stack, String recordId) {
    change(stack, "UPDATE training_session_record SET status = 'live', is_live = true, completed = false WHERE id = '"
        + recordId + "'");
  }

  static JsonObject set(String id, int reps, double weight) {
    return new JsonObject().put("id", id).put("reps", reps).put("weight", weight).put("unit", "kg");
  }

  static JsonObject exercise(String name, JsonObject... sets) {
    return new JsonObject().put("exerciseName", name).put("sets", new JsonArray(new java.util.ArrayList<>(java.util.List.of((Object[]) sets))));
  }

  static JsonObject record(String traineeId, String date, JsonObject... exercises) {
    return new JsonObject().put("traineeId", traineeId).put("sessionDate", date)
        .put("exercises", new JsonArray(new java.util.ArrayList<>(java.util.List.of((Object[]) exercises))));
  }

  /** Runs a data-changing statement through the stack's counting query (a CTE over RETURNING). */
  private static void change(TestStack stack, String statement) {
    stack.count("WITH changed AS (" + statement + " RETURNING 1) SELECT count(*) FROM changed");
  }
}
