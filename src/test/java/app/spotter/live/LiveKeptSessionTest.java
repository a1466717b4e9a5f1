package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.LiveClient;
import app.spotter.support.LiveFixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Commands that run on what this instance kept of their session from its last commit here, without a
 * read round (WarmSessions): they commit in one statement, and that statement still refuses whatever
 * a read would have caught.
 */
class LiveKeptSessionTest extends LiveSceneTest {
  private static final Pattern KEPT = Pattern.compile("spotter_live_command_commits_total\\{path=\"kept\"[^}]*} (\\S+)");

  private double keptCommits() {
    Matcher m = KEPT.matcher(anonymous.get("/metrics").body());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  @Test
  @DisplayName("a second set of an exercise, a note and a rest timer on it commit on what the first set's commit left, in order")
  void keptAfterFirstCommit() {
    Scene scene = scene();
    LiveClient socket = trainerSocket(scene);
    double before = keptCommits();

    assertThat(socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1")).getLong("seq")).isEqualTo(1);
    assertThat(socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s2")).getLong("seq")).isEqualTo(2);
    assertThat(socket.command(scene.sessionId(), "add-note", new JsonObject().put("text", "knees out")).getLong("seq"))
        .isEqualTo(3);

    assertThat(socket.command(scene.sessionId(), "start-timer", new JsonObject().put("durationSeconds", 90)
        .put("exerciseRecordId", scene.squat())).getLong("seq")).isEqualTo(4);

    assertThat(keptCommits() - before).as("s2, the note and the timer on the squat").isGreaterThanOrEqualTo(3);
    JsonObject squat = record(scene).getJsonArray("exercises").getJsonObject(0);
    assertThat(squat.getJsonArray("sets").getJsonObject(1).getInteger("number")).isEqualTo(2);
    assertThat(record(scene).getString("trainerNotes")).isEqualTo("knees out");
    assertThat(record(scene).getLong("liveSeq")).isEqualTo(4);
  }

  @Test
  @DisplayName("a command sent again after its ack gets the same seq, not a second event")
  void repeatAfterAck() {
    Scene scene = scene();
    LiveClient socket = trainerSocket(scene);
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1"));
    String commandId = UUID.randomUUID().toString();
    JsonObject first = socket.command(scene.sessionId(), commandId, "log-set", scene.logSet(scene.squat(), "s2"));

    JsonObject again = socket.command(scene.sessionId(), commandId, "log-set", scene.logSet(scene.squat(), "s2"));

    assertThat(again.getString("type")).as(again.encode()).isEqualTo("ack");
    assertThat(again.getLong("seq")).isEqualTo(first.getLong("seq"));
    assertThat(eventRows(scene.sessionId())).isEqualTo(2);
  }

  @Test
  @DisplayName("a command rejected before, sent again once it would pass, gets its rejection again")
  void repeatOfRejection() {
    Scene scene = scene();
    LiveClient socket = trainerSocket(scene);
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1"));
    String pause = UUID.randomUUID().toString();
    assertThat(socket.command(scene.sessionId(), pause, "pause-timer", new JsonObject()).getString("code")).isEqualTo("conflict");
    socket.command(scene.sessionId(), "start-timer", new JsonObject().put("durationSeconds", 90));

    JsonObject again = socket.command(scene.sessionId(), pause, "pause-timer", new JsonObject());

    assertThat(again.getString("code")).as(again.encode()).isEqualTo("conflict");
    assertThat(record(scene).getLong("liveSeq")).as("no pause").isEqualTo(2);
  }

  @Test
  @DisplayName("the RPE and a correction of the set just logged commit on what was kept; an older set's correction reads first")
  void changesOfTheLastSet() {
    Scene scene = scene();
    LiveClient socket = trainerSocket(scene);
    // s2 is lighter than s1, so neither change to it moves a record (that would replay under the lock).
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1").put("weight", 100));
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s2"));
    double before = keptCommits();

    socket.command(scene.sessionId(), "record-rpe", new JsonObject().put("exerciseRecordId", scene.squat())
        .put("setId", "s2").put("rpe", 8.5));
    socket.command(scene.sessionId(), "update-set", new JsonObject().put("exerciseRecordId", scene.squat())
        .put("setId", "s2").put("notes", "grindy"));
    socket.command(scene.sessionId(), "update-set", new JsonObject().put("exerciseRecordId", scene.squat())
        .put("setId", "s1").put("reps", 7));

    assertThat(keptCommits() - before).as("the RPE and the correction of s2").isEqualTo(2);
    JsonArray sets = record(scene).getJsonArray("exercises").getJsonObject(0).getJsonArray("sets");
    assertThat(sets.getJsonObject(0).getInteger("reps")).isEqualTo(7);
    assertThat(sets.getJsonObject(1).getDouble("rpe")).isEqualTo(8.5);
    assertThat(sets.getJsonObject(1).getString("notes")).as("the correction keeps the RPE").isEqualTo("grindy");
    assertThat(record(scene).getLong("liveSeq")).isEqualTo(5);
  }

  @Test
  @DisplayName("a rejected command leaves the session kept: the next set commits on what was kept")
  void rejectionKeepsTheSession() {
    Scene scene = scene();
    LiveClient socket = trainerSocket(scene);
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1"));
    assertThat(socket.command(scene.sessionId(), "pause-timer", new JsonObject()).getString("code")).isEqualTo("conflict");
    double before = keptCommits();

    assertThat(socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s2")).getLong("seq")).isEqualTo(2);

    assertThat(keptCommits() - before).isEqualTo(1);
  }

  @Test
  @DisplayName("correcting the set that set the records replays them, so the next set is judged against the corrected records")
  void correctionOfARecordSet() {
    Scene scene = scene();
    LiveClient socket = trainerSocket(scene);
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1").put("weight", 100));
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s2").put("weight", 120));
    socket.command(scene.sessionId(), "update-set", new JsonObject().put("exerciseRecordId", scene.squat())
        .put("setId", "s2").put("weight", 50));
    socket.subscribe(scene.sessionId(), 3L);

    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s3").put("weight", 110));

    JsonObject s3 = socket.next(m -> "set-logged".equals(m.getString("name"))).getJsonObject("payload");
    assertThat(s3.getJsonArray("records")).as("110 kg beats 100 kg once the 120 kg set was corrected: " + s3.encode())
        .isNotNull();
    assertThat(s3.getJsonArray("records").getJsonObject(0).getString("kind")).isEqualTo("e1rm");
  }

  @Test
  @DisplayName("a set id logged before in another exercise is a conflict")
  void setIdTaken() {
    Scene scene = scene();
    LiveClient socket = trainerSocket(scene);
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.bench(), "b1"));
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1"));

    JsonObject answer = socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "b1"));

    assertThat(answer.getString("code")).as(answer.encode()).isEqualTo("conflict");
    assertThat(eventRows(scene.sessionId())).isEqualTo(2);
  }

  @Test
  @DisplayName("a note after another writer changed the session is added to the notes as changed")
  void sessionChangedElsewhere() {
    Scene scene = scene();
    LiveClient socket = trainerSocket(scene);
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1"));
    stack.execute("UPDATE training_session_record SET trainer_notes = 'from the front desk', version = version + 1"
        + " WHERE id = '" + scene.sessionId() + "'");

    JsonObject answer = socket.command(scene.sessionId(), "add-note", new JsonObject().put("text", "knees out"));

    assertThat(answer.getString("type")).as(answer.encode()).isEqualTo("ack");
    assertThat(record(scene).getString("trainerNotes")).isEqualTo("from the front desk\nknees out");
  }

  @Test
  @DisplayName("a set after a record-setting set is judged against the records that set left")
  void recordsFollowTheSets() {
    Scene scene = scene();
    LiveClient socket = trainerSocket(scene);
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1").put("weight", 100));
    socket.subscribe(scene.sessionId(), 1L);

    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s2").put("weight", 110));
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s3").put("weight", 105));
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s4").put("weight", 115));

    JsonObject s2 = socket.next(m -> "set-logged".equals(m.getString("name"))).getJsonObject("payload");
    JsonObject s3 = socket.next(m -> "set-logged".equals(m.getString("name"))).getJsonObject("payload");
    JsonObject s4 = socket.next(m -> "set-logged".equals(m.getString("name"))).getJsonObject("payload");
    JsonObject s2E1rm = s2.getJsonArray("records").getJsonObject(0);
    assertThat(s2E1rm.getString("kind")).isEqualTo("e1rm");
    assertThat(s3.containsKey("records")).as("105 kg beats 100 kg but not 110 kg: no record").isFalse();
    assertThat(s4.getJsonArray("records").getJsonObject(0).getDouble("previous")).as("115 kg beats s2's e1RM")
        .isEqualTo(s2E1rm.getDouble("value"));
  }

  @Test
  @DisplayName("a record after the trainer changed units mid-session is shown in the new unit")
  void unitChangedMidSession() {
    Scene scene = scene();
    LiveClient socket = trainerSocket(scene);
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1").put("weight", 100).put("unit", "kg"));
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s2").put("weight", 110).put("unit", "kg"));
    assertThat(scene.trainer().api().patch("/me", new JsonObject().put("unit", "lb")).status()).isEqualTo(200);
    socket.subscribe(scene.sessionId(), 2L);

    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s3").put("weight", 120).put("unit", "kg"));

    JsonObject s3 = socket.next(m -> "set-logged".equals(m.getString("name"))).getJsonObject("payload");
    assertThat(s3.getJsonArray("records").getJsonObject(0).getString("unit")).isEqualTo("lb");
  }

  /**
   * Two exercises of one identity, the second in a superset (never kept): a record set in the second
   * moves the records the first is kept with.
   */
  @Test
  @DisplayName("a record set in a superset exercise is the record a later set of the same exercise elsewhere is judged against")
  void recordsOfTheSameExerciseInASuperset() {
    Scene scene = scene();
    JsonObject template = scene.trainer().api().post("/session-templates", new JsonObject().put("name", "Bench twice")
        .put("exercises", new JsonArray()
            .add(new JsonObject().put("exerciseName", "Bench press"))
            .add(new JsonObject().put("exerciseName", "Bench press").put("supersetGroup", "A"))
            .add(new JsonObject().put("exerciseName", "Row").put("supersetGroup", "A")))).json();
    LiveClient socket = trainerSocket(scene);
    socket.command(scene.sessionId(), "end-session", new JsonObject().put("status", "completed"));
    JsonObject record = LiveFixtures.start(scene.trainer(), scene.traineeId(), template.getString("id"));
    String session = record.getString("id");
    String plain = LiveFixtures.exerciseId(record, 0);
    String inSuperset = LiveFixtures.exerciseId(record, 1);
    JsonObject set = new JsonObject().put("reps", 5).put("unit", "kg");
    socket.command(session, "log-set", set.copy().put("exerciseRecordId", plain).put("setId", "a1").put("weight", 80));
    socket.command(session, "log-set", set.copy().put("exerciseRecordId", inSuperset).put("setId", "d1").put("weight", 100));
    socket.subscribe(session, 2L);

    socket.command(session, "log-set", set.copy().put("exerciseRecordId", plain).put("setId", "a2").put("weight", 90));

    JsonObject a2 = socket.next(m -> "set-logged".equals(m.getString("name"))).getJsonObject("payload");
    assertThat(a2.containsKey("records")).as("90 kg beats 80 kg but not 100 kg: " + a2.encode()).isFalse();
  }
}
