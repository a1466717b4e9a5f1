package app.spotter.support;

import app.spotter.support.OwnedResources.Request;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.Operation;
import java.util.Map;

/**
 * For each operation of the contract, a valid request aimed at a trainer's {@link OwnedResources}:
 * the path with their real ids, and a body that passes validation. Tests that walk the contract
 * (tenancy, roles) get their requests here; an operation whose path or body is not mapped fails
 * them, so a new operation cannot slip past those tests.
 */
final class OperationRequests {
  private final OwnedResources owned;

  OperationRequests(OwnedResources owned) {
    this.owned = owned;
  }

  /** A request for {@code op} aimed at the resources, with a body that passes the contract's validation. */
  Request requestFor(Operation op) {
    String template = op.getOpenAPIPath();
    String path = template.contains("{") ? pathsById().get(template) : template;
    if (path == null) {
      throw new AssertionError("no resource mapped for the path " + template + " of " + op.getOperationId()
          + ": add it to OperationRequests.pathsById()");
    }
    JsonObject body = null;
    if (op.getRequestBody() != null) {
      body = bodies().get(op.getOperationId());
      if (body == null) {
        throw new AssertionError("no body mapped for " + op.getOperationId()
            + ": add it to OperationRequests.bodies()");
      }
    }
    return new Request(op.getHttpMethod().name(), path, body == null ? null : body.copy());
  }

  private Map<String, String> pathsById() {
    String traineePath = "/trainees/" + owned.trainee;
    String templatePath = "/session-templates/" + owned.template;
    String programPath = "/programs/" + owned.program;
    String recordPath = "/session-records/" + owned.record;
    return Map.ofEntries(
        Map.entry("/trainees/{id}", traineePath),
        Map.entry("/trainees/{id}/measurements", traineePath + "/measurements"),
        Map.entry("/trainees/{id}/access-links", traineePath + "/access-links"),
        Map.entry("/trainees/{id}/access-links/{linkId}", traineePath + "/access-links/" + owned.accessLink),
        Map.entry("/trainees/{id}/export", traineePath + "/export"),
        Map.entry("/trainees/{id}/progress", traineePath + "/progress?exercise=Squat"),
        Map.entry("/trainees/{id}/progress/exercises", traineePath + "/progress/exercises"),
        Map.entry("/trainees/{id}/volume", traineePath + "/volume"),
        Map.entry("/trainees/{id}/records", traineePath + "/records"),
        Map.entry("/trainees/{id}/archive", traineePath + "/archive"),
        Map.entry("/trainees/{id}/restore", traineePath + "/restore"),
        Map.entry("/session-templates/{id}", templatePath),
        Map.entry("/session-templates/{id}/exercises", templatePath + "/exercises"),
        Map.entry("/session-templates/{id}/exercises/{exerciseId}",
            templatePath + "/exercises/" + owned.templateExercise),
        Map.entry("/session-templates/{id}/exercise-order", templatePath + "/exercise-order"),
        Map.entry("/session-templates/{id}/duplicate", templatePath + "/duplicate"),
        Map.entry("/programs/{id}", programPath),
        Map.entry("/programs/{id}/copy", programPath + "/copy"),
        Map.entry("/programs/{id}/sessions", programPath + "/sessions"),
        Map.entry("/programs/{id}/sessions/{sessionId}", programPath + "/sessions/" + owned.trainingSession),
        Map.entry("/session-records/{id}", recordPath),
        Map.entry("/session-records/{id}/summary", recordPath + "/summary"),
        Map.entry("/session-records/{id}/exercises", recordPath + "/exercises"),
        Map.entry("/session-records/{id}/exercises/{exerciseId}", recordPath + "/exercises/" + owned.exerciseRecord),
        Map.entry("/displays/{id}", "/displays/" + owned.display),
        Map.entry("/webhooks/{id}", "/webhooks/" + owned.webhook),
        Map.entry("/webhooks/{id}/deliveries", "/webhooks/" + owned.webhook + "/deliveries"),
        Map.entry("/exercises/{id}", "/exercises/" + owned.customExercise),
        // The secret, not the caller's token, is what opens a pairing; only the display knows it.
        Map.entry("/displays/pairings/{code}",
            "/displays/pairings/" + owned.pairingCode + "?secret=not-the-secret"),
        Map.entry("/displays/pairings/{code}/claim", "/displays/pairings/" + owned.pairingCode + "/claim"));
  }

  private Map<String, JsonObject> bodies() {
    return Map.ofEntries(
        // Credentials that match nothing: a walk of the contract must not sign anyone out or in.
        Map.entry("register", new JsonObject().put("email", "someone-new@spotter.test").put("password", "a long password")
            .put("name", "Someone New")),
        Map.entry("login", new JsonObject().put("email", owned.owner.email()).put("password", "not the password")),
        Map.entry("refresh", new JsonObject().put("refreshToken", "not-a-refresh-token")),
        Map.entry("logout", new JsonObject().put("refreshToken", "not-a-refresh-token")),
        Map.entry("traineeAccess", new JsonObject().put("token", "not-an-access-token")),
        Map.entry("updateMe", new JsonObject().put("name", "Someone else")),
        Map.entry("changePassword",
            new JsonObject().put("currentPassword", "not the password").put("newPassword", "a new long password")),
        Map.entry("createTrainee", new JsonObject().put("name", "Sam Intruder")),
        Map.entry("updateTrainee", new JsonObject().put("name", "Renamed")),
        Map.entry("addMeasurement", new JsonObject().put("weight", 70)),
        Map.entry("createAccessLink", new JsonObject().put("label", "another phone")),
        Map.entry("createSessionTemplate", new JsonObject().put("name", "Upper body")),
        Map.entry("updateSessionTemplate", new JsonObject().put("name", "Renamed")),
        Map.entry("createTemplateExercise", OwnedResources.exercise("Deadlift")),
        Map.entry("updateTemplateExercise", new JsonObject().put("targetReps", 3)),
        Map.entry("reorderTemplateExercises",
            new JsonObject().put("ids",
                new JsonArray().add(owned.secondTemplateExercise).add(owned.templateExercise))),
        Map.entry("duplicateSessionTemplate", new JsonObject().put("name", "Upper body again")),
        Map.entry("copyProgram", new JsonObject().put("traineeId", owned.trainee)),
        Map.entry("createProgram", new JsonObject().put("name", "Another program")),
        Map.entry("updateProgram", new JsonObject().put("name", "Renamed")),
        Map.entry("createProgramSession", new JsonObject().put("name", "Week 2").put("weekNumber", 2)),
        Map.entry("updateProgramSession", new JsonObject().put("name", "Renamed")),
        Map.entry("createSessionRecord",
            new JsonObject().put("traineeId", owned.trainee).put("sessionDate", "2025-11-19")),
        Map.entry("updateSessionRecord", new JsonObject().put("location", "Elsewhere")),
        Map.entry("createRecordExercise", OwnedResources.exercise("Deadlift")),
        Map.entry("updateRecordExercise", new JsonObject().put("notes", "changed")),
        Map.entry("startLiveSession", new JsonObject().put("traineeId", owned.trainee)),
        Map.entry("claimPairing", new JsonObject().put("name", "Another wall")),
        Map.entry("createWebhook", new JsonObject().put("url", "http://127.0.0.1:9/another")
            .put("events", new JsonArray().add("trainee.created"))),
        Map.entry("createExercise", new JsonObject().put("name", "Farmer carry").put("category", "strongman")),
        Map.entry("updateExercise", new JsonObject().put("level", "expert")));
  }
}
