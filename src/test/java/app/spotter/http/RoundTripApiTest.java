package app.spotter.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The server's half of the forms' round trip: a client that PATCHes back every writable field exactly
 * as GET returned it changes nothing but `version` and `updatedAt` (no trimming, no rounding, no
 * reordering, no date shifted). The browser half is web-client/test/e2e/forms-roundtrip.test.mjs.
 */
class RoundTripApiTest extends ApiTest {

  private Trainer trainer;

  /** PATCHes `path` with the named fields of its own GET, then answers the GET before and after. */
  private JsonObject[] roundTrip(String path, List<String> writable) {
    JsonObject before = trainer.api().get(path).json();
    JsonObject body = new JsonObject();
    writable.forEach(field -> body.put(field, before.getValue(field)));
    Reply patched = trainer.api().patch(path, body);
    assertThat(patched.status()).as("PATCH %s: %s", path, patched).isEqualTo(200);
    JsonObject after = trainer.api().get(path).json();
    assertThat(after.getInteger("version")).isGreaterThan(before.getInteger("version"));
    return new JsonObject[] {withoutBumps(before), withoutBumps(after)};
  }

  private static JsonObject withoutBumps(JsonObject resource) {
    JsonObject copy = resource.copy();
    copy.remove("version");
    copy.remove("updatedAt");
    return copy;
  }

  private String create(String path, JsonObject body) {
    Reply reply = trainer.api().post(path, body);
    assertThat(reply.status()).as("POST %s: %s", path, reply).isEqualTo(201);
    return reply.json().getString("id");
  }

  @Test
  @DisplayName("a trainee PATCHed with every writable field as read is unchanged")
  void trainee() {
    trainer = registerTrainer();
    String id = create("/trainees", new JsonObject()
        .put("name", "Alex Morgan").put("email", "alex@gym.test").put("phone", "+44 7700 900123")
        .put("dateOfBirth", "1990-04-12").put("gender", "female").put("address", "12 Park Lane, London ")
        .put("emergencyContact", "Jo Morgan, +44 7700 900456").put("height", 172.5).put("currentWeight", 68.25)
        .put("bodyFatPercentage", 24.5).put("restingHeartRate", 62).put("fitnessLevel", "intermediate")
        .put("goals", new JsonArray().add(new JsonObject().put("text", "First pull-up").put("targetDate", "2026-02-01"))
            .add(new JsonObject().put("text", "Run 5 km")))
        .put("injuries", new JsonArray().add(new JsonObject().put("area", "lower back").put("note", "Avoid flexion")
            .put("since", "2023-09-01")))
        .put("medicalNotes", "Asthma;\r\ninhaler in bag.  ")
        .put("progressPhotos", new JsonArray().add(new JsonObject().put("id", "p1")
            .put("url", "https://photos.example.test/p1.jpg").put("takenAt", "2025-11-20T08:30:00Z").put("caption", "Week 1"))));
    trainer.api().post("/trainees/" + id + "/measurements", new JsonObject().put("measuredAt", "2025-11-20T08:30:00Z")
        .put("weight", 68.25).put("girths", new JsonObject().put("waist", 82.5)));

    JsonObject[] trip = roundTrip("/trainees/" + id, List.of("name", "email", "phone", "dateOfBirth", "gender",
        "address", "emergencyContact", "height", "currentWeight", "bodyFatPercentage", "restingHeartRate",
        "fitnessLevel", "goals", "injuries", "medicalNotes", "progressPhotos"));

    assertThat(trip[1]).isEqualTo(trip[0]);
    assertThat(trip[1].getString("gender")).isEqualTo("female");
    assertThat(trip[1].getString("fitnessLevel")).isEqualTo("intermediate");
  }

  @Test
  @DisplayName("a session template and its exercise PATCHed with every writable field as read are unchanged")
  void templateAndExercise() {
    trainer = registerTrainer();
    String id = create("/session-templates", new JsonObject()
        .put("name", "Lower body A").put("description", "Squat focus").put("category", "strength")
        .put("difficulty", "advanced").put("durationMinutes", 65).put("equipmentNeeded", new JsonArray().add("barbell").add("rack"))
        .put("notes", "Film the top set.\n").put("isDefault", true)
        .put("exercises", new JsonArray().add(new JsonObject()
            .put("exerciseName", "Back squat").put("exerciseDescription", "High bar").put("category", "compound")
            .put("muscleGroups", new JsonArray().add("quadriceps").add("glutes")).put("difficulty", "advanced")
            .put("equipment", new JsonArray().add("barbell")).put("targetSets", 4).put("targetReps", 6)
            .put("targetWeight", 61.25).put("restBetweenSets", 150).put("instructions", "Brace.")
            .put("tips", "Knees out.").put("notes", "Pause 1 s at the bottom.\nBelt from set 3. "))));
    String path = "/session-templates/" + id;

    JsonObject[] template = roundTrip(path, List.of("name", "description", "category", "difficulty",
        "durationMinutes", "equipmentNeeded", "notes", "isDefault"));
    assertThat(template[1]).isEqualTo(template[0]);

    // An exercise has no GET of its own: it is read inside its template.
    JsonObject before = withoutBumps(trainer.api().get(path).json().getJsonArray("exercises").getJsonObject(0));
    JsonObject body = new JsonObject();
    List.of("exerciseName", "exerciseDescription", "category", "muscleGroups", "difficulty", "equipment", "orderIndex",
        "targetSets", "targetReps", "targetWeight", "restBetweenSets", "instructions", "tips", "notes")
        .forEach(f -> body.put(f, before.getValue(f)));
    assertThat(trainer.api().patch(path + "/exercises/" + before.getString("id"), body).status()).isEqualTo(200);
    JsonObject after = withoutBumps(trainer.api().get(path).json().getJsonArray("exercises").getJsonObject(0));
    assertThat(after).isEqualTo(before);
  }

  @Test
  @DisplayName("a program and its planned session PATCHed with every writable field as read are unchanged")
  void programAndSession() {
    trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Lena Fischer");
    String templateId = create("/session-templates", new JsonObject().put("name", "Upper body B"));
    String id = create("/programs", new JsonObject().put("name", "Strength base").put("description", "Four weeks")
        .put("difficulty", "beginner").put("durationWeeks", 4)
        .put("goals", new JsonArray().add(new JsonObject().put("text", "5 × 5").put("targetDate", "2026-03-01"))));
    String path = "/programs/" + id;
    String sessionId = create(path + "/sessions", new JsonObject()
        .put("name", "Week 2, session 1").put("sessionTemplateId", templateId).put("traineeId", traineeId)
        .put("description", "Deload if tired").put("sessionType", "strength").put("focusArea", "upper body")
        .put("estimatedDuration", 55).put("weekNumber", 2).put("sessionNumber", 1)
        .put("warmup", new JsonArray().add(new JsonObject().put("name", "Rowing machine").put("durationSeconds", 300)
            .put("notes", "Easy pace")))
        .put("cooldown", new JsonArray().add(new JsonObject().put("name", "Doorway stretch"))));

    JsonObject[] program = roundTrip(path, List.of("name", "description", "difficulty", "durationWeeks", "goals"));
    assertThat(program[1]).isEqualTo(program[0]);

    JsonObject before = withoutBumps(trainer.api().get(path).json().getJsonArray("sessions").getJsonObject(0));
    JsonObject body = new JsonObject();
    List.of("name", "sessionTemplateId", "traineeId", "description", "sessionType", "focusArea", "estimatedDuration",
        "warmup", "cooldown", "weekNumber", "sessionNumber").forEach(f -> body.put(f, before.getValue(f)));
    assertThat(trainer.api().patch(path + "/sessions/" + sessionId, body).status()).isEqualTo(200);
    JsonObject after = withoutBumps(trainer.api().get(path).json().getJsonArray("sessions").getJsonObject(0));
    assertThat(after).isEqualTo(before);
  }

  @Test
  @DisplayName("a hand-logged session record PATCHed with every writable field as read is unchanged")
  void sessionRecord() {
    trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Maria Lopez");
    String id = create("/session-records", new JsonObject()
        .put("traineeId", traineeId).put("sessionDate", "2025-11-18").put("startTime", "2025-11-18T17:00:00Z")
        .put("endTime", "2025-11-18T18:05:00Z").put("location", "Studio 2").put("trainerNotes", "Good depth.\n ")
        .put("traineeFeedback", new JsonObject().put("feeling", 4).put("comment", "Knee fine. "))
        .put("sessionMetadata", new JsonObject().put("source", "paper"))
        .put("exercises", new JsonArray().add(new JsonObject().put("exerciseName", "Back squat")
            .put("sets", new JsonArray().add(new JsonObject().put("id", "s-1").put("kind", "warmup").put("reps", 10)
                .put("weight", 40).put("unit", "kg")).add(new JsonObject().put("id", "s-2").put("reps", 6)
                .put("weight", 61.25).put("unit", "kg").put("rpe", 8.5))))));

    JsonObject[] trip = roundTrip("/session-records/" + id, List.of("traineeId", "sessionDate", "trainingSessionId",
        "startTime", "endTime", "location", "status", "trainerNotes", "traineeFeedback", "sessionMetadata"));

    assertThat(trip[1]).isEqualTo(trip[0]);
  }
}
