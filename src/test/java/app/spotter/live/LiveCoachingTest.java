package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.LiveClient;
import app.spotter.support.LiveFixtures;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The coaching numbers of a live session by role: the suggested load (trainer and trainee, never a
 * display) and the injury flags (the trainer only, in snapshots and in exercise-started/-added).
 */
class LiveCoachingTest extends LiveTest {
  private static final JsonObject KNEE = new JsonObject().put("kind", "injury").put("area", "Left knee")
      .put("note", "No deep squats");

  /**
   * Maria, with a left knee injury and a resolved shoulder, did a single at 112.5 kg of the library's
   * Barbell Squat last time; today's template: that squat and a free-named "Bench" working the chest,
   * each 5 reps at RPE 8.
   */
  private void startWithHistory() {
    trainer = registerTrainer();
    Reply trainee = trainer.api().post("/trainees", new JsonObject().put("name", "Maria Lopez").put("injuries",
        new JsonArray().add(new JsonObject().put("area", "Left knee").put("note", "No deep squats"))
            .add(new JsonObject().put("area", "shoulder").put("resolvedAt", "2026-10-01T09:00:00Z"))));
    assertThat(trainee.status()).as(trainee.toString()).isEqualTo(201);
    traineeId = trainee.json().getString("id");
    Reply past = trainer.api().post("/session-records", new JsonObject().put("traineeId", traineeId)
        .put("sessionDate", "2026-11-20").put("status", "completed").put("exercises", new JsonArray()
            .add(new JsonObject().put("exerciseName", "Barbell Squat").put("exerciseId", "Barbell_Squat")
                .put("sets", new JsonArray().add(new JsonObject().put("id", "p1").put("kind", "working").put("reps", 1)
                    .put("weight", 112.5).put("unit", "kg").put("rpe", 10))))));
    assertThat(past.status()).as(past.toString()).isEqualTo(201);
    Reply template = trainer.api().post("/session-templates", new JsonObject().put("name", "Legs").put("exercises",
        new JsonArray()
            .add(new JsonObject().put("exerciseName", "Barbell Squat").put("exerciseId", "Barbell_Squat")
                .put("targetSets", 3).put("targetReps", 5).put("targetRpe", 8))
            .add(new JsonObject().put("exerciseName", "Bench").put("muscleGroups", new JsonArray().add("chest"))
                .put("targetSets", 3).put("targetReps", 5).put("targetRpe", 8))));
    assertThat(template.status()).as(template.toString()).isEqualTo(201);
    JsonObject record = LiveFixtures.start(trainer, traineeId, template.json().getString("id"));
    sessionId = record.getString("id");
    squat = LiveFixtures.exerciseId(record, 0);
    bench = LiveFixtures.exerciseId(record, 1);
  }

  private static JsonObject exercise(JsonObject snapshot, int index) {
    return snapshot.getJsonObject("state").getJsonObject("record").getJsonArray("exercises").getJsonObject(index);
  }

  @Test
  @DisplayName("the suggested load comes from the last session's e1RM (112.5 x p(7) = 91.2 -> 90 kg) for trainer and"
      + " trainee, with targetRpe copied from the template; a display gets neither")
  void suggestionByRole() {
    startWithHistory();

    JsonObject trainer = trainerSocket(stack.port).subscribe(sessionId, null);
    JsonObject trainee = traineeSocket(stack.port).subscribe(sessionId, null);
    JsonObject display = displaySocket(stack.port).subscribe(sessionId, null);

    JsonObject squatRecord = exercise(trainer, 0);
    assertThat(squatRecord.getDouble("targetRpe")).isEqualTo(8.0);
    assertThat(squatRecord.getDouble("suggestedWeight")).isEqualTo(90.0);
    assertThat(squatRecord.getJsonObject("suggestion")).isEqualTo(new JsonObject().put("weight", 90.0)
        .put("e1rm", 112.5).put("percent", 81.1).put("source", "last-session"));
    assertThat(exercise(trainer, 1).getValue("suggestedWeight")).as("no e1RM for Bench yet").isNull();
    assertThat(exercise(trainer, 1).containsKey("suggestedWeight")).isTrue();
    assertThat(trainer.getJsonObject("state").getJsonObject("coaching"))
        .isEqualTo(new JsonObject().put("unit", "kg").put("loadIncrement", 2.5));

    assertThat(exercise(trainee, 0).getDouble("suggestedWeight")).isEqualTo(90.0);
    assertThat(exercise(trainee, 0).getJsonObject("suggestion")).isEqualTo(squatRecord.getJsonObject("suggestion"));
    assertThat(exercise(display, 0).fieldNames()).doesNotContain("suggestedWeight", "suggestion", "flags")
        .contains("targetRpe");
    assertThat(display.getJsonObject("state").fieldNames()).doesNotContain("coaching");
  }

  @Test
  @DisplayName("a set recomputes the suggestion from today's sets, and its RPE again: 110 x 3 is 119.3 -> 95 kg,"
      + " at RPE 9 it is 123.3 -> 97.5 kg; in the trainer's 1 lb increments after a switch to pounds")
  void recomputedAfterSets() {
    startWithHistory();
    LiveClient socket = trainerSocket(stack.port);
    socket.subscribe(sessionId, null);

    ack(socket, "log-set", new JsonObject().put("exerciseRecordId", squat).put("setId", "a").put("reps", 3)
        .put("weight", 110).put("unit", "kg"));
    JsonObject afterSet = exercise(open(LiveClient.connect(stack)).hello(trainer.api().token(), "t").subscribe(sessionId, null), 0);
    ack(socket, "record-rpe", new JsonObject().put("exerciseRecordId", squat).put("setId", "a").put("rpe", 9));
    JsonObject afterRpe = exercise(open(LiveClient.connect(stack)).hello(trainer.api().token(), "t").subscribe(sessionId, null), 0);
    assertThat(trainer.api().patch("/me", new JsonObject().put("unit", "lb").put("loadIncrement", 1)).status()).isEqualTo(200);
    ack(socket, "rate-form", new JsonObject().put("exerciseRecordId", squat).put("formRating", 4));
    JsonObject inPounds = exercise(open(LiveClient.connect(stack)).hello(trainer.api().token(), "t").subscribe(sessionId, null), 0);

    assertThat(afterSet.getJsonObject("suggestion")).isEqualTo(new JsonObject().put("weight", 95.0).put("e1rm", 119.3)
        .put("percent", 81.1).put("source", "today"));
    assertThat(afterRpe.getDouble("suggestedWeight")).isEqualTo(97.5);
    assertThat(afterRpe.getJsonObject("suggestion").getDouble("e1rm")).isEqualTo(123.3);
    // 110 kg / 0.892 = 123.32 kg = 271.9 lb; x 0.811 = 220.5 -> 220 lb
    assertThat(inPounds.getJsonObject("suggestion")).isEqualTo(new JsonObject().put("weight", 220.0).put("e1rm", 271.9)
        .put("percent", 81.1).put("source", "today"));
  }

  @Test
  @DisplayName("an exercise working an injured area carries the injury's flag in the trainer's snapshot only;"
      + " a resolved injury flags nothing")
  void flagsInSnapshots() {
    startWithHistory();

    JsonObject trainer = trainerSocket(stack.port).subscribe(sessionId, null);
    JsonObject trainee = traineeSocket(stack.port).subscribe(sessionId, null);
    JsonObject display = displaySocket(stack.port).subscribe(sessionId, null);

    assertThat(exercise(trainer, 0).getJsonArray("flags")).isEqualTo(new JsonArray().add(KNEE));
    assertThat(exercise(trainer, 1).getJsonArray("flags")).as("the chest was the resolved shoulder's").isEmpty();
    assertThat(exercise(trainee, 0).containsKey("flags")).isFalse();
    assertThat(exercise(display, 0).containsKey("flags")).isFalse();
  }

  @Test
  @DisplayName("exercise-started and exercise-added carry the flags to the trainer, never to the trainee or a display")
  void flagsInEvents() {
    startWithHistory();
    LiveClient trainer = trainerSocket(stack.port);
    LiveClient trainee = traineeSocket(stack.port);
    LiveClient display = displaySocket(stack.port);
    for (LiveClient socket : new LiveClient[] {trainer, trainee, display}) {
      socket.subscribe(sessionId, null);
    }
    String legPress = UUID.randomUUID().toString();

    ack(trainer, "start-exercise", new JsonObject().put("exerciseRecordId", squat));
    ack(trainer, "start-exercise", new JsonObject().put("exerciseRecordId", bench));
    ack(trainer, "add-exercise", new JsonObject().put("exerciseRecordId", legPress).put("exerciseName", "Leg Press")
        .put("exerciseId", "Leg_Press").put("targetReps", 10).put("targetRpe", 7.5));

    JsonObject[] byTrainer = trainer.events(sessionId, 3).toArray(JsonObject[]::new);
    assertThat(byTrainer[0].getJsonObject("payload").getJsonArray("flags")).isEqualTo(new JsonArray().add(KNEE));
    assertThat(byTrainer[1].getJsonObject("payload").getJsonArray("flags")).isEmpty();
    JsonObject added = byTrainer[2].getJsonObject("payload").getJsonObject("exercise");
    assertThat(added.getJsonArray("flags")).isEqualTo(new JsonArray().add(KNEE));
    assertThat(added.getDouble("targetRpe")).isEqualTo(7.5);
    for (LiveClient other : new LiveClient[] {trainee, display}) {
      for (JsonObject event : other.events(sessionId, 3)) {
        JsonObject payload = event.getJsonObject("payload");
        assertThat(payload.containsKey("flags")).as(event.encode()).isFalse();
        if (payload.containsKey("exercise")) {
          assertThat(payload.getJsonObject("exercise").containsKey("flags")).as(event.encode()).isFalse();
        }
      }
    }
  }
}
