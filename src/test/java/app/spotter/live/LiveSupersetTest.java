package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.LiveClient;
import app.spotter.support.LiveFixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Supersets over the real socket: which exercise a logged set makes current, and where the label travels. */
class LiveSupersetTest extends LiveTest {
  private String bench;
  private String row;
  private String curl;
  private LiveClient tablet;
  private LiveClient phone;

  /** Squat; Bench press and Row as superset A (2 sets each); Curl. */
  @BeforeEach
  void supersetSession() {
    trainer = registerTrainer();
    traineeId = createTrainee(trainer.api(), "Maria Lopez");
    JsonArray exercises = new JsonArray()
        .add(exercise("Squat", null))
        .add(exercise("Bench press", "A"))
        .add(exercise("Row", "A"))
        .add(exercise("Curl", null));
    JsonObject template = trainer.api().post("/session-templates",
        new JsonObject().put("name", "Upper").put("exercises", exercises)).json();
    assertThat(template.getJsonArray("exercises").getJsonObject(1).getString("supersetGroup")).isEqualTo("A");
    JsonObject record = LiveFixtures.start(trainer, traineeId, template.getString("id"));
    sessionId = record.getString("id");
    squat = LiveFixtures.exerciseId(record, 0);
    bench = LiveFixtures.exerciseId(record, 1);
    row = LiveFixtures.exerciseId(record, 2);
    curl = LiveFixtures.exerciseId(record, 3);
    tablet = trainerSocket(stack.port);
    phone = traineeSocket(stack.port);
  }

  private static JsonObject exercise(String name, String group) {
    JsonObject exercise = new JsonObject().put("exerciseName", name).put("targetSets", 2).put("targetReps", 8)
        .put("targetWeight", 50).put("restBetweenSets", 90);
    return group == null ? exercise : exercise.put("supersetGroup", group);
  }

  @Test
  @DisplayName("a live session copies the label; snapshots and the REST record show it on each exercise")
  void labelCopied() {
    JsonObject snapshot = phone.subscribe(sessionId, null);
    JsonArray exercises = snapshot.getJsonObject("state").getJsonObject("record").getJsonArray("exercises");
    assertThat(exercises.stream().map(e -> ((JsonObject) e).getString("supersetGroup")).toList())
        .containsExactly(null, "A", "A", null);
    assertThat(restRecord().getJsonArray("exercises").getJsonObject(2).getString("supersetGroup")).isEqualTo("A");
  }

  @Test
  @DisplayName("A1, A2, A1, A2: each set moves to the other of the pair; a warm-up stays and does not count; the last set stays")
  void rounds() {
    phone.subscribe(sessionId, null);
    long first = ack(tablet, "log-set", warmup(bench, "w1"));
    ack(tablet, "log-set", set(bench, "b1", 8));
    ack(tablet, "log-set", set(row, "r1", 8));
    ack(tablet, "log-set", set(bench, "b2", 8));
    long last = ack(tablet, "log-set", set(row, "r2", 8));

    List<JsonObject> events = phone.events(sessionId, 5);
    assertThat(seqs(events)).as("one event per command, no gap").isEqualTo(range(first, last));
    assertThat(names(events)).containsOnly("set-logged");
    assertThat(events.stream().map(e -> e.getJsonObject("payload").getString("currentExerciseRecordId")).toList())
        .as("warm-up stays; then A2, A1 (the warm-up did not count towards A1's 2), A2, and A2 stays: A1 is done")
        .containsExactly(bench, row, bench, row, row);
  }

  @Test
  @DisplayName("an exercise that is done or at its target drops out of the rounds; outside a superset the exercise stays current")
  void doneDropsOut() {
    phone.subscribe(sessionId, null);
    ack(tablet, "skip-exercise", new JsonObject().put("exerciseRecordId", row));
    ack(tablet, "log-set", set(bench, "b1", 8));
    ack(tablet, "log-set", set(squat, "s1", 5));
    List<JsonObject> events = phone.events(sessionId, 3);
    assertThat(events.get(1).getJsonObject("payload").getString("currentExerciseRecordId")).as("row skipped").isEqualTo(bench);
    assertThat(events.get(2).getJsonObject("payload").getString("currentExerciseRecordId")).isEqualTo(squat);
  }

  @Test
  @DisplayName("add-exercise and modify-exercise take a label, and a new pair goes round too")
  void addAndModify() {
    phone.subscribe(sessionId, null);
    String press = UUID.randomUUID().toString();
    ack(tablet, "add-exercise", new JsonObject().put("exerciseRecordId", press).put("exerciseName", "Press")
        .put("targetSets", 3).put("supersetGroup", "B").put("afterExerciseRecordId", curl));
    ack(tablet, "modify-exercise", new JsonObject().put("exerciseRecordId", curl)
        .put("modificationNotes", "paired with press").put("supersetGroup", "B"));
    ack(tablet, "log-set", set(curl, "c1", 10));
    ack(tablet, "log-set", set(press, "p1", 10));

    List<JsonObject> events = phone.events(sessionId, 4);
    assertThat(events.get(0).getJsonObject("payload").getJsonObject("exercise").getString("supersetGroup")).isEqualTo("B");
    assertThat(events.get(1).getJsonObject("payload").getString("supersetGroup")).isEqualTo("B");
    assertThat(events.get(2).getJsonObject("payload").getString("currentExerciseRecordId")).isEqualTo(press);
    assertThat(events.get(3).getJsonObject("payload").getString("currentExerciseRecordId")).isEqualTo(curl);

    JsonObject rejected = tablet.command(sessionId, "modify-exercise", new JsonObject().put("exerciseRecordId", curl)
        .put("modificationNotes", "x").put("supersetGroup", "ELEVEN-CHAR"));
    assertThat(rejected.getString("code")).isEqualTo("invalid");
  }

  private static JsonObject warmup(String exerciseId, String setId) {
    return set(exerciseId, setId, 10).put("kind", "warmup");
  }
}
