package app.spotter.record;

import static app.spotter.record.RecordFixtures.exercise;
import static app.spotter.record.RecordFixtures.record;
import static app.spotter.record.RecordFixtures.set;
import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.LiveFixtures;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The trainer's history: its numbers, its exercise filter, and editing a past record's sets. */
class RecordHistoryApiTest extends ApiTest {

  private static JsonObject only(Reply list) {
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertThat(list.items()).hasSize(1);
    return list.items().getJsonObject(0);
  }

  @Test
  @DisplayName("each listed record carries its duration, working sets, volume without warm-ups, RPE and form")
  void stats() {
    Trainer trainer = registerTrainer();
    String trainee = createTrainee(trainer.api(), "Maria");
    JsonObject squat = exercise("Back squat",
        set("w", 10, 40).put("kind", "warmup").put("rpe", 4),
        set("a", 5, 100).put("rpe", 8),
        set("b", 5, 100).put("rpe", 9).put("kind", "failure"))
        .put("formRating", 4);
    JsonObject press = exercise("Bench press", set("c", 10, 100).put("unit", "lb")).put("formRating", 3);
    trainer.api().post("/session-records", record(trainee, "2026-11-20", squat, press)
        .put("startTime", "2026-11-20T08:00:00Z").put("endTime", "2026-11-20T09:05:30Z"));

    JsonObject stats = only(trainer.api().get("/session-records?traineeId=" + trainee)).getJsonObject("stats");

    assertThat(stats.getLong("durationSeconds")).isEqualTo(3930);
    assertThat(stats.getInteger("workingSets")).isEqualTo(3);
    // 5 × 100 + 5 × 100 + 10 × 100 lb (453.59237 kg); the 10 × 40 warm-up is left out.
    assertThat(stats.getDouble("volume")).isEqualTo(1453.6);
    assertThat(stats.getDouble("averageRpe")).isEqualTo(8.5);
    assertThat(stats.getDouble("formRating")).isEqualTo(3.5);
    assertThat(stats.getString("unit")).isEqualTo("kg");
  }

  @Test
  @DisplayName("a record with nothing to count has null numbers and a volume of 0")
  void emptyStats() {
    Trainer trainer = registerTrainer();
    String trainee = createTrainee(trainer.api(), "Maria");
    trainer.api().post("/session-records", record(trainee, "2026-11-20"));

    JsonObject stats = only(trainer.api().get("/session-records")).getJsonObject("stats");

    assertThat(stats).isEqualTo(new JsonObject().put("durationSeconds", null).put("exercises", 0).put("workingSets", 0)
        .put("volume", 0.0).put("unit", "kg").put("averageRpe", null).put("formRating", null));
  }

  @Test
  @DisplayName("?exercise= finds records by exercise name, trimmed and in any case, and by exerciseId")
  void exerciseFilter() {
    Trainer trainer = registerTrainer();
    String trainee = createTrainee(trainer.api(), "Maria");
    trainer.api().post("/session-records", record(trainee, "2026-11-01", exercise("  Back Squat ")));
    trainer.api().post("/session-records", record(trainee, "2026-11-02", exercise("Deadlift")));
    trainer.api().post("/session-records", record(trainee, "2026-11-03", exercise("Barbell squat")));
    // Set as the library's exercise picker sets it; written straight to the table, this test needs no more of it.
    stack.execute("UPDATE exercise_record SET exercise_id = 'Barbell_Squat' WHERE exercise_name = 'Barbell squat'");

    assertThat(dates(trainer.api().get("/session-records?exercise=back%20squat%20"))).containsExactly("2026-11-01");
    assertThat(dates(trainer.api().get("/session-records?exercise=DEADLIFT"))).containsExactly("2026-11-02");
    assertThat(dates(trainer.api().get("/session-records?exercise=Barbell_Squat"))).containsExactly("2026-11-03");
    assertThat(dates(trainer.api().get("/session-records?exercise=squat"))).isEmpty();
    assertThat(dates(trainer.api().get("/session-records?exercise=deadlift&traineeId=" + trainee)))
        .containsExactly("2026-11-02");
  }

  @Test
  @DisplayName("a past record's set is added, changed and removed by PATCHing its sets, and reads back so")
  void editSets() {
    Trainer trainer = registerTrainer();
    String trainee = createTrainee(trainer.api(), "Maria");
    JsonObject created = trainer.api().post("/session-records",
        record(trainee, "2026-11-20", exercise("Squat", set("a", 5, 100), set("b", 5, 100)))).json();
    String path = "/session-records/" + created.getString("id") + "/exercises/"
        + created.getJsonArray("exercises").getJsonObject(0).getString("id");

    JsonArray edited = new JsonArray().add(set("a", 6, 102.5).put("rpe", 8)).add(set("c", 3, 110));
    Reply patched = trainer.api().patch(path, new JsonObject().put("sets", edited).put("notes", "felt strong")
        .put("formRating", 5));

    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    JsonObject read = trainer.api().get("/session-records/" + created.getString("id")).json()
        .getJsonArray("exercises").getJsonObject(0);
    List<String> ids = read.getJsonArray("sets").stream().map(s -> ((JsonObject) s).getString("id")).toList();
    assertThat(ids).containsExactly("a", "c");
    assertThat(read.getJsonArray("sets").getJsonObject(0).getDouble("weight")).isEqualTo(102.5);
    assertThat(read.getJsonArray("sets").getJsonObject(1).getInteger("number")).isEqualTo(2);
    assertThat(read.getString("notes")).isEqualTo("felt strong");
    assertThat(read.getInteger("formRating")).isEqualTo(5);
  }

  @Test
  @DisplayName("a live record's sets, notes and the record itself cannot be changed or deleted over REST: 409")
  void liveIsTheSocketsAlone() {
    Trainer trainer = registerTrainer();
    String trainee = createTrainee(trainer.api(), "Maria");
    JsonObject live = LiveFixtures.start(trainer, trainee, LiveFixtures.template(trainer, "Squat"));
    String path = "/session-records/" + live.getString("id");
    String exercisePath = path + "/exercises/" + LiveFixtures.exerciseId(live, 0);

    Reply sets = trainer.api().patch(exercisePath, new JsonObject().put("sets", new JsonArray().add(set("a", 5, 100))));
    Reply notes = trainer.api().patch(path, new JsonObject().put("trainerNotes", "edited"));
    Reply deleted = trainer.api().delete(path);

    assertThat(List.of(sets.status(), notes.status(), deleted.status())).containsOnly(409);
    assertThat(sets.json().getString("detail")).contains("live socket");
    assertThat(trainer.api().get(exercisePath.substring(0, exercisePath.lastIndexOf('/'))).items()
        .getJsonObject(0).getJsonArray("sets")).isEmpty();
  }

  private static List<String> dates(Reply list) {
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    return list.items().stream().map(r -> ((JsonObject) r).getString("sessionDate")).toList();
  }
}
