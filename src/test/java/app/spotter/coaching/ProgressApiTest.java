package app.spotter.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.Api;
import app.spotter.support.ApiTest;
import app.spotter.support.LiveFixtures;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code GET /trainees/{id}/progress} and {@code /progress/exercises}: points worked out by hand, identity, access. */
class ProgressApiTest extends ApiTest {
  private static final String SQUAT_ID = "Barbell_Full_Squat";

  static JsonObject set(String id, String kind, int reps, double weight, String unit, Double rpe) {
    JsonObject set = new JsonObject().put("id", id).put("kind", kind).put("reps", reps).put("weight", weight)
        .put("unit", unit);
    return rpe == null ? set : set.put("rpe", rpe);
  }

  static JsonObject exercise(String name, String exerciseId, JsonObject... sets) {
    JsonObject exercise = new JsonObject().put("exerciseName", name).put("sets", new JsonArray(java.util.List.of((Object[]) sets)));
    return exerciseId == null ? exercise : exercise.put("exerciseId", exerciseId);
  }

  static String session(Trainer trainer, String traineeId, String date, String status, JsonObject... exercises) {
    JsonObject body = new JsonObject().put("traineeId", traineeId).put("sessionDate", date).put("status", status)
        .put("exercises", new JsonArray(java.util.List.of((Object[]) exercises)));
    Reply created = trainer.api().post("/session-records", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("id");
  }

  private static Reply progress(Api api, String traineeId, String exercise) {
    return api.get("/trainees/" + traineeId + "/progress?exercise=" + URLEncoder.encode(exercise, StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("a point per completed or abandoned session: best e1RM, better set and volume in kilograms, warm-ups left out")
  void points() {
    Trainer trainer = registerTrainer();
    String maria = createTrainee(trainer.api(), "Maria Lopez");
    String first = session(trainer, maria, "2026-10-01", "completed", exercise("Back squat", SQUAT_ID,
        set("w", "warmup", 5, 60, "kg", null), set("a", "working", 5, 100, "kg", 8.0), set("b", "working", 3, 225, "lb", 9.0)));
    String second = session(trainer, maria, "2026-10-08", "abandoned", exercise("Back squat", SQUAT_ID,
        set("c", "working", 3, 250, "lb", 8.0), set("d", "drop", 8, 80, "kg", null)));
    session(trainer, maria, "2026-10-15", "scheduled", exercise("Back squat", SQUAT_ID, set("e", "working", 1, 200, "kg", 10.0)));
    session(trainer, maria, "2026-10-20", "completed", exercise("Back squat", SQUAT_ID, set("f", "warmup", 5, 150, "kg", null)));

    Reply reply = progress(trainer.api(), maria, SQUAT_ID);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().getString("unit")).isEqualTo("kg");
    JsonArray points = reply.json().getJsonArray("points");
    assertThat(points).as("the scheduled session and the warm-up-only one have no point").hasSize(2);
    JsonObject one = points.getJsonObject(0);
    assertThat(one.getString("date")).isEqualTo("2026-10-01");
    assertThat(one.getString("sessionRecordId")).isEqualTo(first);
    // 100 / p(7) = 100 / 0.811 = 123.30 beats 225 lb / p(4) = 252.24 lb = 114.42 kg
    assertThat(one.getDouble("e1rm")).isEqualTo(123.3);
    assertThat(one.getJsonObject("bestSet")).isEqualTo(new JsonObject().put("reps", 5).put("weight", 100.0)
        .put("rpe", 8.0).put("unit", "kg"));
    // 5 x 100 + 3 x 225 x 0.45359237 = 806.17; the warm-up's 300 kg is not work
    assertThat(one.getDouble("volume")).isEqualTo(806.2);
    assertThat(one.getInteger("workingSets")).isEqualTo(2);
    JsonObject two = points.getJsonObject(1);
    assertThat(two.getString("sessionRecordId")).isEqualTo(second);
    // 250 lb / p(5) = 289.69 lb = 131.40 kg beats the drop set's 80 / p(8) = 101.78
    assertThat(two.getDouble("e1rm")).isEqualTo(131.4);
    assertThat(two.getJsonObject("bestSet").getDouble("weight")).as("250 lb = 113.40 kg").isEqualTo(113.4);
    assertThat(two.getJsonObject("bestSet").getInteger("reps")).isEqualTo(3);
    // 3 x 250 x 0.45359237 + 8 x 80 = 980.19
    assertThat(two.getDouble("volume")).isEqualTo(980.2);

    stack.execute("UPDATE trainer SET unit = 'lb' WHERE id = '" + trainer.id() + "'");
    JsonObject inPounds = progress(trainer.api(), maria, SQUAT_ID).json();
    assertThat(inPounds.getString("unit")).isEqualTo("lb");
    // 123.30 kg = 271.83 lb; 806.17 kg = 1777.32 lb
    assertThat(inPounds.getJsonArray("points").getJsonObject(0).getDouble("e1rm")).isEqualTo(271.8);
    assertThat(inPounds.getJsonArray("points").getJsonObject(0).getDouble("volume")).isEqualTo(1777.3);
    assertThat(inPounds.getJsonArray("points").getJsonObject(1).getJsonObject("bestSet").getDouble("weight")).isEqualTo(250.0);
  }

  @Test
  @DisplayName("an id matches records with that exerciseId; a name matches the others trimmed and case-insensitively")
  void identity() {
    Trainer trainer = registerTrainer();
    String maria = createTrainee(trainer.api(), "Maria Lopez");
    session(trainer, maria, "2026-10-01", "completed", exercise("Back squat", SQUAT_ID, set("a", "working", 5, 100, "kg", 10.0)));
    session(trainer, maria, "2026-10-02", "completed", exercise("  back SQUAT ", null, set("b", "working", 5, 90, "kg", 10.0)));
    session(trainer, maria, "2026-10-03", "completed", exercise("Back squat", null, set("c", "working", 5, 95, "kg", 10.0)));

    JsonArray byId = progress(trainer.api(), maria, SQUAT_ID).json().getJsonArray("points");
    JsonArray byName = progress(trainer.api(), maria, "BACK squat  ").json().getJsonArray("points");

    assertThat(byId).hasSize(1);
    assertThat(byId.getJsonObject(0).getJsonObject("bestSet").getDouble("weight")).isEqualTo(100.0);
    assertThat(byName).extracting(p -> ((JsonObject) p).getString("date")).containsExactly("2026-10-02", "2026-10-03");
    assertThat(progress(trainer.api(), maria, "Front squat").json().getJsonArray("points")).isEmpty();
  }

  @Test
  @DisplayName("the exercise picker lists each exercise with working sets once, most sessions first, with what to ask for")
  void exercises() {
    Trainer trainer = registerTrainer();
    String maria = createTrainee(trainer.api(), "Maria Lopez");
    session(trainer, maria, "2026-10-01", "completed", exercise("Back squat", SQUAT_ID, set("a", "working", 5, 100, "kg", null)),
        exercise("Plank", null, new JsonObject().put("id", "p").put("kind", "warmup").put("durationSeconds", 60)));
    session(trainer, maria, "2026-10-05", "completed", exercise("Sled push", null, set("b", "working", 10, 40, "kg", null)),
        exercise("Full squat", SQUAT_ID, set("c", "working", 5, 102.5, "kg", null)));
    session(trainer, maria, "2026-10-09", "abandoned", exercise(" sled PUSH", null, set("d", "working", 10, 40, "kg", null)));
    session(trainer, maria, "2026-10-12", "completed", exercise("Sled push", null, set("e", "working", 10, 45, "kg", null)));

    Reply reply = trainer.api().get("/trainees/" + maria + "/progress/exercises");

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().getJsonArray("items")).as("the plank had warm-ups only").containsExactly(
        new JsonObject().put("exercise", "Sled push").put("exerciseId", null).put("name", "Sled push")
            .put("sessions", 3).put("lastDate", "2026-10-12"),
        new JsonObject().put("exercise", SQUAT_ID).put("exerciseId", SQUAT_ID).put("name", "Full squat")
            .put("sessions", 2).put("lastDate", "2026-10-05"));
    assertThat(createTrainee(trainer.api(), "Tom").transform(tom -> trainer.api().get("/trainees/" + tom + "/progress/exercises"))
        .json().getJsonArray("items")).isEmpty();
  }

  @Test
  @DisplayName("another trainer's trainee is 404; a trainee reads their own progress only; exercise is required")
  void access() {
    Trainer trainer = registerTrainer();
    String maria = createTrainee(trainer.api(), "Maria Lopez");
    String tom = createTrainee(trainer.api(), "Tom");
    session(trainer, maria, "2026-10-01", "completed", exercise("Back squat", SQUAT_ID, set("a", "working", 5, 100, "kg", null)));
    Api mariaPhone = trainer.api().as(LiveFixtures.traineeToken(trainer, maria));
    Api stranger = registerTrainer().api();

    assertThat(progress(stranger, maria, SQUAT_ID).status()).isEqualTo(404);
    assertThat(stranger.get("/trainees/" + maria + "/progress/exercises").status()).isEqualTo(404);
    assertThat(stranger.get("/trainees/" + maria + "/volume").status()).isEqualTo(404);
    assertThat(progress(trainer.api(), "00000000-0000-0000-0000-000000000000", SQUAT_ID).status()).isEqualTo(404);
    assertThat(progress(mariaPhone, tom, SQUAT_ID).status()).isEqualTo(404);
    assertThat(mariaPhone.get("/trainees/" + tom + "/progress/exercises").status()).isEqualTo(404);
    assertThat(mariaPhone.get("/trainees/" + tom + "/volume").status()).isEqualTo(404);
    assertThat(progress(mariaPhone, maria, SQUAT_ID).json().getJsonArray("points")).hasSize(1);
    assertThat(mariaPhone.get("/trainees/" + maria + "/progress/exercises").json().getJsonArray("items")).hasSize(1);
    assertThat(mariaPhone.get("/trainees/" + maria + "/volume").status()).isEqualTo(200);

    Reply missing = trainer.api().get("/trainees/" + maria + "/progress");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("exercise");
    Reply blank = progress(trainer.api(), maria, "   ");
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.body()).contains("exercise");
  }
}
