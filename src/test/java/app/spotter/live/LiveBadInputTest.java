package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.LiveClient;
import app.spotter.support.LiveFixtures;
import app.spotter.support.RawWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Bad frames and bad commands: the documented answer, nothing written, the socket and other sessions fine. */
class LiveBadInputTest extends LiveSceneTest {

  @Test
  @DisplayName("a frame that is not a JSON object gets bad-frame, an unknown type unknown-type, and the socket stays open")
  void badFrames() {
    Scene scene = scene();
    Bystander bystander = bystander();
    LiveClient socket = trainerSocket(scene);

    for (String frame : new String[] {"not json", "{\"type\":", "[1,2]", "42", "null", ""}) {
      socket.sendRaw(frame);
      JsonObject error = socket.next();
      assertThat(error.getString("type")).as(frame).isEqualTo("error");
      assertThat(error.getString("code")).as(frame).isEqualTo("bad-frame");
    }
    for (String frame : new String[] {"{\"type\":\"dance\"}", "{}", "{\"type\":42}", "{\"type\":null}"}) {
      socket.sendRaw(frame);
      JsonObject error = socket.next();
      assertThat(error.getString("code")).as(frame).isEqualTo("unknown-type");
    }

    assertThat(socket.isClosed()).isFalse();
    assertThat(socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1")).getString("type"))
        .isEqualTo("ack");
    bystander.assertUnaffected();
  }

  @Test
  @DisplayName("a binary frame gets bad-frame and the socket stays open")
  void binaryFrame() {
    Scene scene = scene();
    try (RawWebSocket socket = RawWebSocket.connect(stack.port)) {
      socket.sendJson(new JsonObject().put("type", "hello").put("token", scene.trainer().api().token()));
      assertThat(socket.nextJson().getString("type")).isEqualTo("welcome");

      socket.sendFrame(RawWebSocket.BINARY, true, new JsonObject().put("type", "ping").encode().getBytes());

      assertThat(socket.nextJson().getString("code")).isEqualTo("bad-frame");
      socket.sendJson(new JsonObject().put("type", "ping").put("clientTime", 5));
      assertThat(socket.nextJson().getLong("clientTime")).isEqualTo(5);
    }
  }

  @Test
  @DisplayName("an unknown command name is rejected as invalid, naming the field; nothing is written")
  void unknownCommand() {
    Scene scene = scene();
    LiveClient socket = trainerSocket(scene);

    JsonObject rejected = socket.command(scene.sessionId(), "teleport", new JsonObject());
    JsonObject numbered = socket.command(scene.sessionId(), UUID.randomUUID().toString(), null, new JsonObject());

    assertThat(rejected.getString("type")).isEqualTo("rejected");
    assertThat(rejected.getString("code")).isEqualTo("invalid");
    assertThat(errorFields(rejected)).containsExactly("name");
    assertThat(numbered.getString("code")).isEqualTo("invalid");
    assertThat(eventRows(scene.sessionId())).isZero();
  }

  @Test
  @DisplayName("missing or mistyped payload fields are rejected as invalid with every field named; nothing is written")
  void badPayloads() {
    Scene scene = scene();
    Bystander bystander = bystander();
    LiveClient socket = trainerSocket(scene);

    JsonObject empty = socket.command(scene.sessionId(), "log-set", new JsonObject());
    JsonObject mistyped = socket.command(scene.sessionId(), "log-set", new JsonObject()
        .put("exerciseRecordId", "squat").put("setId", 7).put("reps", "eight").put("weight", "heavy"));
    JsonObject extra = socket.command(scene.sessionId(), "start-timer",
        new JsonObject().put("durationSeconds", 90).put("colour", "red"));
    JsonObject notEmpty = socket.command(scene.sessionId(), "pause-timer", new JsonObject().put("now", true));
    socket.send(new JsonObject().put("type", "command").put("sessionId", scene.sessionId())
        .put("commandId", "c-payload").put("name", "add-note").put("payload", "remember the knee"));
    JsonObject notAnObject = socket.next(m -> "c-payload".equals(m.getString("commandId")));

    assertThat(empty.getString("code")).isEqualTo("invalid");
    assertThat(errorFields(empty)).containsExactlyInAnyOrder("exerciseRecordId", "setId");
    assertThat(mistyped.getString("code")).isEqualTo("invalid");
    assertThat(errorFields(mistyped)).containsExactlyInAnyOrder("exerciseRecordId", "setId", "reps", "weight");
    assertThat(extra.getString("code")).isEqualTo("invalid");
    assertThat(errorFields(extra)).containsExactly("colour");
    assertThat(errorFields(notEmpty)).containsExactly("now");
    assertThat(notAnObject.getString("code")).isEqualTo("invalid");
    assertThat(errorFields(notAnObject)).containsExactly("payload");
    assertThat(eventRows(scene.sessionId())).isZero();
    bystander.assertUnaffected();
  }

  @Test
  @DisplayName("a NUL or a lone surrogate in a command's text is rejected invalid naming the field; nothing is written")
  void badText() {
    Scene scene = scene();
    LiveClient socket = trainerSocket(scene);
    // Raw JSON escapes: Java would turn a lone surrogate into '?' before it reached the wire.
    String[][] cases = {
        {"c-nul", "log-set", "{\"exerciseRecordId\":\"" + scene.squat() + "\",\"setId\":\"s1\",\"reps\":5,"
            + "\"notes\":\"knee\\u0000pain\"}", "notes"},
        {"c-surrogate", "add-note", "{\"text\":\"bad \\ud800 text\"}", "text"},
        {"c-low", "skip-exercise", "{\"exerciseRecordId\":\"" + scene.bench() + "\",\"reason\":\"\\udc00\"}", "reason"}};

    for (String[] c : cases) {
      socket.sendRaw("{\"type\":\"command\",\"sessionId\":\"" + scene.sessionId() + "\",\"commandId\":\"" + c[0]
          + "\",\"name\":\"" + c[1] + "\",\"payload\":" + c[2] + "}");
      JsonObject answer = socket.next(m -> c[0].equals(m.getString("commandId")));
      assertThat(answer.getString("type")).as(c[1]).isEqualTo("rejected");
      assertThat(answer.getString("code")).as(c[1]).isEqualTo("invalid");
      assertThat(errorFields(answer)).as(c[1]).containsExactly(c[3]);
    }

    assertThat(eventRows(scene.sessionId())).isZero();
    assertThat(socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1")).getString("type"))
        .isEqualTo("ack");
  }

  @Test
  @DisplayName("RPE 11, RPE 7.3 and negative reps are invalid, naming rpe and reps; the set keeps its values")
  void outOfRange() {
    Scene scene = scene();
    LiveClient socket = trainerSocket(scene);
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1"));

    JsonObject rpe11 = socket.command(scene.sessionId(), "record-rpe",
        new JsonObject().put("exerciseRecordId", scene.squat()).put("setId", "s1").put("rpe", 11));
    JsonObject rpeOdd = socket.command(scene.sessionId(), "record-rpe",
        new JsonObject().put("exerciseRecordId", scene.squat()).put("setId", "s1").put("rpe", 7.3));
    JsonObject negative = socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s2").put("reps", -1));
    JsonObject update = socket.command(scene.sessionId(), "update-set",
        scene.logSet(scene.squat(), "s1").put("reps", -3).put("rpe", 11));

    assertThat(errorFields(rpe11)).containsExactly("rpe");
    assertThat(errorFields(rpeOdd)).containsExactly("rpe");
    assertThat(errorFields(negative)).containsExactly("reps");
    assertThat(errorFields(update)).containsExactlyInAnyOrder("reps", "rpe");
    assertThat(eventRows(scene.sessionId())).isEqualTo(1);
    JsonObject set = record(scene).getJsonArray("exercises").getJsonObject(0).getJsonArray("sets").getJsonObject(0);
    assertThat(set.getInteger("reps")).isEqualTo(8);
    assertThat(set.getValue("rpe")).isNull();
  }

  @Test
  @DisplayName("update-set, delete-set and record-rpe naming a set of another exercise are rejected not-found")
  void setOfAnotherExercise() {
    Scene scene = scene();
    LiveClient socket = trainerSocket(scene);
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1"));
    JsonObject before = record(scene);

    JsonObject update = socket.command(scene.sessionId(), "update-set", scene.logSet(scene.bench(), "s1"));
    JsonObject delete = socket.command(scene.sessionId(), "delete-set",
        new JsonObject().put("exerciseRecordId", scene.bench()).put("setId", "s1"));
    JsonObject rpe = socket.command(scene.sessionId(), "record-rpe",
        new JsonObject().put("exerciseRecordId", scene.bench()).put("setId", "s1").put("rpe", 8));
    JsonObject unknownExercise = socket.command(scene.sessionId(), "delete-set",
        new JsonObject().put("exerciseRecordId", UUID.randomUUID().toString()).put("setId", "s1"));

    for (JsonObject rejected : new JsonObject[] {update, delete, rpe, unknownExercise}) {
      assertThat(rejected.getString("type")).isEqualTo("rejected");
      assertThat(rejected.getString("code")).isEqualTo("not-found");
    }
    assertThat(eventRows(scene.sessionId())).isEqualTo(1);
    assertThat(record(scene)).isEqualTo(before);
  }

  @Test
  @DisplayName("log-set reusing a set id under another commandId is a conflict and never a second set")
  void reusedSetId() {
    Scene scene = scene();
    LiveClient socket = trainerSocket(scene);
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1"));

    JsonObject sameExercise = socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1"));
    JsonObject otherExercise = socket.command(scene.sessionId(), "log-set", scene.logSet(scene.bench(), "s1"));

    assertThat(sameExercise.getString("code")).isEqualTo("conflict");
    assertThat(otherExercise.getString("code")).isEqualTo("conflict");
    assertThat(eventRows(scene.sessionId())).isEqualTo(1);
    JsonObject record = record(scene);
    assertThat(record.getJsonArray("exercises").getJsonObject(0).getJsonArray("sets")).hasSize(1);
    assertThat(record.getJsonArray("exercises").getJsonObject(1).getJsonArray("sets")).isEmpty();
  }

  @Test
  @DisplayName("a deleted set's id stays taken: logging it again under another commandId is a conflict")
  void deletedSetId() {
    Scene scene = scene();
    LiveClient socket = trainerSocket(scene);
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1"));
    socket.command(scene.sessionId(), "delete-set", new JsonObject().put("exerciseRecordId", scene.squat())
        .put("setId", "s1"));

    JsonObject again = socket.command(scene.sessionId(), "log-set", scene.logSet(scene.bench(), "s1"));

    assertThat(again.getString("code")).isEqualTo("conflict");
    assertThat(record(scene).getJsonArray("exercises").getJsonObject(1).getJsonArray("sets")).isEmpty();
  }

  @Test
  @DisplayName("an id in a form the uuid format admits but no id has (urn:uuid:…) is invalid, and the session goes on")
  void urnUuid() {
    Scene scene = scene();
    LiveClient socket = trainerSocket(scene);
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1"));

    JsonObject prefetched = socket.command(scene.sessionId(), "delete-set",
        new JsonObject().put("exerciseRecordId", "urn:uuid:" + scene.squat()).put("setId", "s1"));
    JsonObject added = socket.command(scene.sessionId(), "add-exercise",
        new JsonObject().put("exerciseRecordId", "urn:uuid:" + UUID.randomUUID()).put("exerciseName", "Dips"));

    for (JsonObject rejected : new JsonObject[] {prefetched, added}) {
      assertThat(rejected.getString("code")).as(rejected.encode()).isEqualTo("invalid");
      assertThat(errorFields(rejected)).containsExactly("exerciseRecordId");
    }
    assertThat(socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s2")).getString("type"))
        .isEqualTo("ack");
    assertThat(stack.count("SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction'")).isZero();
  }

  @Test
  @DisplayName("a missing or another trainer's session: commands rejected not-found, subscribe error not-found")
  void foreignSessions() {
    Scene mine = scene();
    Bystander other = bystander();
    LiveClient socket = trainerSocket(mine);
    String missing = UUID.randomUUID().toString();
    String foreign = other.scene().sessionId();

    for (String sessionId : new String[] {missing, foreign, "not-a-uuid"}) {
      JsonObject rejected = socket.command(sessionId, "log-set", mine.logSet(other.scene().squat(), "x1"));
      assertThat(rejected.getString("code")).as(sessionId).isEqualTo("not-found");
      JsonObject error = socket.subscribe(sessionId, null);
      assertThat(error.getString("type")).isEqualTo("error");
      assertThat(error.getString("code")).isEqualTo("not-found");
      assertThat(error.getString("sessionId")).isEqualTo(sessionId);
    }
    assertThat(socket.command(foreign, "end-session", new JsonObject().put("status", "abandoned")).getString("code"))
        .isEqualTo("not-found");
    assertThat(socket.command(foreign, "log-set", new JsonObject()).getString("code"))
        .as("an invalid command for a session not the sender's").isEqualTo("not-found");
    assertThat(socket.command(foreign, "no-such-command", new JsonObject()).getString("code")).isEqualTo("not-found");
    assertThat(socket.command(foreign, "submit-feedback", new JsonObject()).getString("code"))
        .as("a trainee's command from a trainer").isEqualTo("not-found");

    assertThat(eventRows(foreign)).isZero();
    assertThat(stack.count("SELECT count(*) FROM live_session_event")).isZero();
    assertThat(stack.count("SELECT count(*) FROM live_command_rejection")).as("nothing kept with their session").isZero();
    other.assertUnaffected();
  }

  @Test
  @DisplayName("a trainee may not log a set and a display may not send any command: forbidden, nothing written")
  void forbiddenRoles() {
    Scene scene = scene();
    LiveClient trainer = trainerSocket(scene);
    trainer.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1"));
    LiveClient trainee = open(LiveClient.connect(stack))
        .hello(LiveFixtures.traineeToken(scene.trainer(), scene.traineeId()), "trainee-phone");
    LiveClient display = open(LiveClient.connect(stack)).hello(LiveFixtures.displayToken(scene.trainer()), "wall-display");

    JsonObject traineeLog = trainee.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "t1"));
    JsonObject traineeEnd = trainee.command(scene.sessionId(), "end-session", new JsonObject().put("status", "completed"));
    assertThat(traineeLog.getString("code")).isEqualTo("forbidden");
    assertThat(traineeEnd.getString("code")).isEqualTo("forbidden");
    JsonObject rpe = new JsonObject().put("exerciseRecordId", scene.squat()).put("setId", "s1").put("rpe", 8);
    for (String name : new String[] {"record-rpe", "add-note", "submit-feedback", "start-timer", "end-session"}) {
      JsonObject payload = name.equals("record-rpe") ? rpe : new JsonObject().put("text", "x");
      assertThat(display.command(scene.sessionId(), name, payload).getString("code")).as(name).isEqualTo("forbidden");
    }

    assertThat(eventRows(scene.sessionId())).isEqualTo(1);
    assertThat(trainee.command(scene.sessionId(), "record-rpe", rpe).getString("type")).isEqualTo("ack");
    assertThat(trainee.isClosed()).isFalse();
    assertThat(display.isClosed()).isFalse();
  }

  @Test
  @DisplayName("after end-session every command gets session-ended and nothing more is written")
  void afterTheEnd() {
    Scene scene = scene();
    LiveClient socket = trainerSocket(scene);
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1"));
    socket.command(scene.sessionId(), "end-session", new JsonObject().put("status", "completed"));
    JsonObject ended = record(scene);

    JsonObject logSet = socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s2"));
    JsonObject timer = socket.command(scene.sessionId(), "start-timer", new JsonObject().put("durationSeconds", 60));
    JsonObject endAgain = socket.command(scene.sessionId(), "end-session", new JsonObject().put("status", "abandoned"));

    for (JsonObject rejected : new JsonObject[] {logSet, timer, endAgain}) {
      assertThat(rejected.getString("code")).isEqualTo("session-ended");
    }
    assertThat(eventRows(scene.sessionId())).isEqualTo(2);
    assertThat(record(scene)).isEqualTo(ended);
    assertThat(ended.getString("status")).isEqualTo("completed");
  }

  @Test
  @DisplayName("a repeated commandId of a rejected command gets the same rejection, even with a payload now valid")
  void repeatedRejection() {
    Scene scene = scene();
    LiveClient socket = trainerSocket(scene);
    String commandId = UUID.randomUUID().toString();

    JsonObject first = socket.command(scene.sessionId(), commandId, "log-set",
        scene.logSet(scene.squat(), "s1").put("rpe", 11));
    JsonObject again = socket.command(scene.sessionId(), commandId, "log-set", scene.logSet(scene.squat(), "s1"));
    String conflictId = UUID.randomUUID().toString();
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s2"));
    JsonObject conflict = socket.command(scene.sessionId(), conflictId, "log-set", scene.logSet(scene.squat(), "s2"));
    socket.command(scene.sessionId(), "delete-set", new JsonObject().put("exerciseRecordId", scene.squat())
        .put("setId", "s2"));
    JsonObject conflictAgain = socket.command(scene.sessionId(), conflictId, "log-set", scene.logSet(scene.squat(), "s2"));

    assertThat(first.getString("code")).isEqualTo("invalid");
    assertThat(again).isEqualTo(first);
    assertThat(conflict.getString("code")).isEqualTo("conflict");
    assertThat(conflictAgain).isEqualTo(conflict);
    assertThat(eventRows(scene.sessionId())).isEqualTo(2);
    assertThat(record(scene).getJsonArray("exercises").getJsonObject(0).getJsonArray("sets")).isEmpty();
  }

  @Test
  @DisplayName("notes past the record's 100,000 characters and feedback past 50 members are invalid, not a retry")
  void recordLimits() {
    Scene scene = scene();
    LiveClient trainer = trainerSocket(scene);
    LiveClient trainee = open(LiveClient.connect(stack))
        .hello(LiveFixtures.traineeToken(scene.trainer(), scene.traineeId()), "trainee-phone");
    for (int i = 0; i < 9; i++) {
      trainer.command(scene.sessionId(), "add-note", new JsonObject().put("text", "n".repeat(10_000)));
    }
    JsonObject feedback = new JsonObject();
    for (int i = 0; i < 40; i++) {
      feedback.put("q" + i, i);
    }
    trainee.command(scene.sessionId(), "submit-feedback", feedback);

    JsonObject tooLong = trainer.command(scene.sessionId(), "add-note", new JsonObject().put("text", "n".repeat(10_000)));
    JsonObject tooMany = trainee.command(scene.sessionId(), "submit-feedback",
        new JsonObject().put("mood", "good").put("sleep", 7).put("q50", 1).put("q51", 1).put("q52", 1).put("q53", 1)
            .put("q54", 1).put("q55", 1).put("q56", 1).put("q57", 1).put("q58", 1));

    assertThat(tooLong.getString("code")).isEqualTo("invalid");
    assertThat(errorFields(tooLong)).containsExactly("text");
    assertThat(tooMany.getString("code")).isEqualTo("invalid");
    assertThat(errorFields(tooMany)).containsExactly("payload");
    assertThat(eventRows(scene.sessionId())).isEqualTo(10);
    JsonObject record = record(scene);
    assertThat(record.getString("trainerNotes")).hasSize(9 * 10_000 + 8);
    assertThat(record.getJsonObject("traineeFeedback").size()).isEqualTo(40);
    assertThat(trainer.command(scene.sessionId(), "add-note", new JsonObject().put("text", "short")).getString("type"))
        .isEqualTo("ack");
  }
}
