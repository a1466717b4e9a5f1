package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.LiveClient;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Snapshot exercise records carry the trainee's previous performance and best, matched by exercise identity. */
class LivePreviousPerformanceTest extends LiveTest {

  private String logPast(String trainee, String date, String status, String exerciseName, JsonObject... sets) {
    Reply reply = trainer.api().post("/session-records", new JsonObject().put("traineeId", trainee)
        .put("sessionDate", date).put("status", status).put("exercises", new JsonArray()
            .add(new JsonObject().put("exerciseName", exerciseName).put("sets", new JsonArray(java.util.List.of(sets))))));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().getString("id");
  }

  private static JsonObject pastSet(String id, String kind, int reps, double weight, String unit, Double rpe) {
    JsonObject set = new JsonObject().put("id", id).put("kind", kind).put("reps", reps).put("weight", weight)
        .put("unit", unit);
    return rpe == null ? set : set.put("rpe", rpe);
  }

  /**
   * Squat (a name): "  squat " on 1 Nov, "SQUAT" on 10 Nov, "Squat" in a session abandoned on 15 Nov,
   * and Tom's heavier squat. Bench (a library exerciseId): "Paused bench" with that id on 12 Nov, and
   * a "Bench" without an id on 14 Nov, which is another exercise.
   */
  private void history() {
    logPast(traineeId, "2026-11-01", "completed", "  squat ", pastSet("a", "working", 5, 100, "kg", 8.0));
    logPast(traineeId, "2026-11-10", "completed", "SQUAT", pastSet("w", "warmup", 5, 60, "kg", null),
        pastSet("b", "working", 3, 110, "kg", null));
    logPast(traineeId, "2026-11-15", "abandoned", "Squat", pastSet("c", "working", 1, 130, "kg", 10.0));
    logPast(createTrainee(trainer.api(), "Tom"), "2026-11-20", "completed", "Squat",
        pastSet("t", "working", 1, 200, "kg", 10.0));
    String paused = logPast(traineeId, "2026-11-12", "completed", "Paused bench", pastSet("p", "working", 5, 80, "lb", 9.0));
    logPast(traineeId, "2026-11-14", "completed", "Bench", pastSet("q", "working", 5, 90, "kg", 8.0));
    stack.execute("UPDATE exercise_record SET exercise_id = 'Barbell_Bench_Press_-_Medium_Grip' WHERE exercise_name = 'Paused bench'"
        + " OR id = '" + bench + "'");
    // The exerciseId was set behind the API's back: an edit of the record replays its personal records.
    assertThat(trainer.api().patch("/session-records/" + paused, new JsonObject().put("location", "Gym")).status())
        .isEqualTo(200);
  }

  private static JsonObject exercise(JsonObject snapshot, int index) {
    return snapshot.getJsonObject("state").getJsonObject("record").getJsonArray("exercises").getJsonObject(index);
  }

  @Test
  @DisplayName("previous is the last completed session with the exercise, best the best set of all but this one;"
      + " a name matches trimmed and in any case, an exerciseId matches only that id")
  void previousAndBest() {
    startSession();
    history();
    LiveClient socket = trainerSocket(stack.port);

    JsonObject snapshot = socket.subscribe(sessionId, null);

    JsonObject squat = exercise(snapshot, 0);
    assertThat(squat.getJsonObject("previous").getString("date")).as("the abandoned session is not 'last time'")
        .isEqualTo("2026-11-10");
    JsonArray sets = squat.getJsonObject("previous").getJsonArray("sets");
    assertThat(sets.stream().map(s -> ((JsonObject) s).getString("id")).toList()).containsExactly("w", "b");
    assertThat(sets.getJsonObject(1).containsKey("loggedBy")).isFalse();
    // 130 / p(1) = 130 beats 110 / p(3) = 119.3 and 100 / p(7) = 123.3; Tom's 200 is not Maria's
    assertThat(squat.getJsonObject("best")).isEqualTo(new JsonObject().put("e1rm", 130.0).put("weight", 130.0)
        .put("reps", 1).put("rpe", 10.0).put("date", "2026-11-15").put("unit", "kg"));

    JsonObject bench = exercise(snapshot, 1);
    assertThat(bench.getJsonObject("previous").getString("date")).as("'Bench' without an id is another exercise")
        .isEqualTo("2026-11-12");
    // 80 lb / p(6) = 80 / 0.837 = 95.58 lb = 43.35 kg; 80 lb = 36.29 kg
    assertThat(bench.getJsonObject("best").getDouble("e1rm")).isEqualTo(43.4);
    assertThat(bench.getJsonObject("best").getDouble("weight")).isEqualTo(36.3);
  }

  @Test
  @DisplayName("the session's own sets never count, and a trainee sees previous and best while a display does not")
  void rolesAndOwnSets() {
    startSession();
    history();
    LiveClient trainerSocket = trainerSocket(stack.port);
    ack(trainerSocket, "log-set", new JsonObject().put("exerciseRecordId", squat).put("setId", "today").put("reps", 1)
        .put("weight", 300).put("unit", "kg"));

    JsonObject trainee = traineeSocket(stack.port).subscribe(sessionId, null);
    JsonObject display = displaySocket(stack.port).subscribe(sessionId, null);
    JsonObject trainer = trainerSocket.subscribe(sessionId, null);

    assertThat(exercise(trainer, 0).getJsonObject("best").getDouble("e1rm")).isEqualTo(130.0);
    assertThat(exercise(trainee, 0).getJsonObject("best")).isEqualTo(exercise(trainer, 0).getJsonObject("best"));
    assertThat(exercise(trainee, 0).getJsonObject("previous")).isEqualTo(exercise(trainer, 0).getJsonObject("previous"));
    assertThat(exercise(display, 0).fieldNames()).doesNotContain("previous", "best");
    assertThat(exercise(display, 0).getJsonArray("sets")).hasSize(1);
  }

  @Test
  @DisplayName("an exercise the trainee never did carries previous and best as null")
  void noHistory() {
    startSession();

    JsonObject snapshot = trainerSocket(stack.port).subscribe(sessionId, null);

    assertThat(exercise(snapshot, 0).containsKey("previous")).isTrue();
    assertThat(exercise(snapshot, 0).getValue("previous")).isNull();
    assertThat(exercise(snapshot, 0).getValue("best")).isNull();
  }
}
