package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.LiveClient;
import app.spotter.support.LiveFixtures;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** exerciseId on exercise templates, exercise records and add-exercise: kept, copied, and only ever the caller's. */
class ExerciseIdTest extends LiveTest {

  private String customOf(Trainer owner, String name) {
    Reply created = owner.api().post("/exercises", new JsonObject().put("name", name).put("category", "strength"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("id");
  }

  private JsonObject templateWith(JsonObject... exercises) {
    Reply created = trainer.api().post("/session-templates",
        new JsonObject().put("name", "Legs").put("exercises", new JsonArray(List.of((Object[]) exercises))));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  private static JsonObject named(String name, String exerciseId) {
    return new JsonObject().put("exerciseName", name).put("exerciseId", exerciseId).put("targetSets", 3);
  }

  @Test
  @DisplayName("a template exercise keeps its exerciseId, a PATCH changes or clears it, and a live start copies it")
  void templateRoundTripAndLiveCopy() {
    startSession();
    String mine = customOf(trainer, "Sled push");
    JsonObject template = templateWith(named("Barbell Full Squat", "Barbell_Full_Squat"), named("Sled push", mine),
        new JsonObject().put("exerciseName", "Stretch"));
    String templateId = template.getString("id");
    JsonArray exercises = trainer.api().get("/session-templates/" + templateId).json().getJsonArray("exercises");

    assertThat(exercises.getJsonObject(0).getString("exerciseId")).isEqualTo("Barbell_Full_Squat");
    assertThat(exercises.getJsonObject(1).getString("exerciseId")).isEqualTo(mine);
    assertThat(exercises.getJsonObject(2).getString("exerciseId")).isNull();

    String stretch = "/session-templates/" + templateId + "/exercises/" + exercises.getJsonObject(2).getString("id");
    Reply patched = trainer.api().patch(stretch, new JsonObject().put("exerciseId", "Hamstring_Stretch"));
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.json().getString("exerciseId")).isEqualTo("Hamstring_Stretch");

    String otherTrainee = createTrainee(trainer.api(), "Ben Okafor");
    JsonObject record = LiveFixtures.start(trainer, otherTrainee, templateId);
    JsonArray copied = record.getJsonArray("exercises");
    assertThat(copied.stream().map(e -> ((JsonObject) e).getString("exerciseId")).toList())
        .containsExactly("Barbell_Full_Squat", mine, "Hamstring_Stretch");

    assertThat(trainer.api().patch(stretch, new JsonObject().putNull("exerciseId")).json().getValue("exerciseId"))
        .isNull();
  }

  @Test
  @DisplayName("an unknown exerciseId, or another trainer's custom one, is 404 on templates and records and changes nothing")
  void foreignOrUnknown() {
    startSession();
    String theirs = customOf(registerTrainer(), "Their sled push");
    String templateId = templateWith(named("Squat", "Barbell_Full_Squat")).getString("id");

    for (String bad : new String[] {theirs, "No_Such_Exercise"}) {
      assertThat(trainer.api().post("/session-templates", new JsonObject().put("name", "X")
          .put("exercises", new JsonArray().add(named("Push", bad)))).status()).isEqualTo(404);
      assertThat(trainer.api().post("/session-templates/" + templateId + "/exercises", named("Push", bad)).status())
          .isEqualTo(404);
      assertThat(trainer.api().post("/session-records", new JsonObject().put("traineeId", traineeId)
          .put("sessionDate", "2026-12-01").put("exercises", new JsonArray().add(named("Push", bad)))).status())
          .isEqualTo(404);
    }
    assertThat(stack.count("SELECT count(*) FROM session_template WHERE name = 'X'")).isZero();
    assertThat(trainer.api().get("/session-templates/" + templateId).json().getJsonArray("exercises")).hasSize(1);
  }

  @Test
  @DisplayName("add-exercise with an exerciseId: acked, the event and the snapshot carry it; unknown or foreign ids are not-found")
  void addExerciseOverTheSocket() {
    startSession();
    String theirs = customOf(registerTrainer(), "Their sled push");
    LiveClient socket = trainerSocket(stack.port);
    socket.subscribe(sessionId, null);
    String added = UUID.randomUUID().toString();

    ack(socket, "add-exercise", new JsonObject().put("exerciseRecordId", added).put("exerciseName", "Goblet Squat")
        .put("exerciseId", "Goblet_Squat").put("targetSets", 3));

    JsonObject event = socket.next(m -> "exercise-added".equals(m.getString("name")));
    assertThat(event.getJsonObject("payload").getJsonObject("exercise").getString("exerciseId")).isEqualTo("Goblet_Squat");
    JsonObject snapshot = socket.subscribe(sessionId, null);
    JsonArray live = snapshot.getJsonObject("state").getJsonObject("record")
        .getJsonArray("exercises");
    assertThat(live.stream().map(e -> (JsonObject) e).filter(e -> added.equals(e.getString("id")))
        .map(e -> e.getString("exerciseId")).toList()).containsExactly("Goblet_Squat");

    for (String bad : new String[] {theirs, "No_Such_Exercise"}) {
      JsonObject rejected = socket.command(sessionId, "add-exercise", new JsonObject()
          .put("exerciseRecordId", UUID.randomUUID().toString()).put("exerciseName", "Push").put("exerciseId", bad));
      assertThat(rejected.getString("type")).isEqualTo("rejected");
      assertThat(rejected.getString("code")).isEqualTo("not-found");
      assertThat(rejected.getString("message")).contains("exerciseId");
    }
    assertThat(stack.count("SELECT count(*) FROM exercise_record WHERE session_record_id = '" + sessionId + "'"))
        .isEqualTo(3);
  }
}
