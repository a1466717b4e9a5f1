package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.config.DatabaseUrl;
import app.spotter.support.LiveClient;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Commands racing another writer of the rows they change: no write is lost, none half-made. */
class LiveRaceTest extends LiveSceneTest {

  /**
   * A scene whose trainee once squatted far more than its sets here, so that they set no personal
   * record: a change to a set that does replays the exercise under the lock from the start
   * (LiveRecordsTest).
   */
  private Scene sceneWithHeavierPast() {
    Scene scene = scene();
    heavierPast(scene);
    return scene;
  }

  /** The scene's trainee's earlier session: Squat, 10 × 200 kg; answers its id. */
  private static String heavierPast(Scene scene) {
    Reply created = scene.trainer().api().post("/session-records", new JsonObject().put("traineeId", scene.traineeId())
        .put("sessionDate", "2026-11-01").put("status", "completed").put("exercises", new JsonArray().add(new JsonObject()
            .put("exerciseName", "Squat").put("sets", new JsonArray().add(new JsonObject().put("id", "past")
                .put("reps", 10).put("weight", 200).put("unit", "kg"))))));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("id");
  }

  /**
   * delete-set runs under the session lock, and its rewrite of the sets goes out without waiting for
   * its answer, with COMMIT right behind it: the version check must still roll the whole command back.
   */
  @Test
  @DisplayName("a delete-set racing another writer of its exercise record is a conflict: neither write is lost")
  void exerciseChangedMeanwhile() throws Exception {
    Scene scene = sceneWithHeavierPast();
    LiveClient socket = trainerSocket(scene);
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1"));
    JsonObject before = squat(scene);
    JsonObject payload = payload(scene, "delete-set");

    JsonObject answer = racing(socket, scene, editSquatNotes(scene), "delete-set", payload);

    assertThat(answer.getString("code")).as(answer.encode()).isEqualTo("conflict");
    JsonObject squat = squat(scene);
    assertThat(squat.getString("notes")).isEqualTo("edited elsewhere");
    assertThat(squat.getJsonArray("sets")).isEqualTo(before.getJsonArray("sets"));
    assertThat(squat.getInteger("version")).as("only the other writer's change").isEqualTo(before.getInteger("version") + 1);
    assertThat(eventRows(scene.sessionId())).isEqualTo(1);
    assertNoTransactionLeft();
    assertThat(socket.command(scene.sessionId(), "delete-set", payload).getString("type"))
        .as("the same command, tried again").isEqualTo("ack");
  }

  /**
   * These write their set in their event's statement, without the lock; having lost the race to the
   * other writer, they run again under it, on the record as changed.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"log-set", "update-set", "record-rpe"})
  @DisplayName("a set command racing another writer of its exercise record is applied to the record as changed: both writes kept")
  void setWrittenToChangedExercise(String name) throws Exception {
    Scene scene = sceneWithHeavierPast();
    LiveClient socket = trainerSocket(scene);
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1"));
    int version = squat(scene).getInteger("version");
    JsonObject payload = payload(scene, name);

    String editSetOne = editSquatNotes(scene) + "; UPDATE exercise_set SET body = body || '{\"notes\": \"from the desk\"}'"
        + " WHERE exercise_record_id = '" + scene.squat() + "' AND id = 's1'";

    JsonObject answer = racing(socket, scene, editSetOne, name, payload);

    assertThat(answer.getString("type")).as(answer.encode()).isEqualTo("ack");
    assertThat(answer.getLong("seq")).isEqualTo(2);
    JsonObject squat = squat(scene);
    assertThat(squat.getString("notes")).isEqualTo("edited elsewhere");
    assertThat(squat.getInteger("version")).isEqualTo(version + 2);
    JsonArray sets = squat.getJsonArray("sets");
    assertThat(sets.getJsonObject(0).getString("notes")).as("the other writer's change of set s1").isEqualTo("from the desk");
    switch (name) {
      case "log-set" -> assertThat(setIds(sets)).containsExactly("s1", "s2");
      case "update-set" -> assertThat(sets.getJsonObject(0).getInteger("reps")).isEqualTo(3);
      default -> assertThat(sets.getJsonObject(0).getDouble("rpe")).isEqualTo(9.0);
    }
    assertThat(eventRows(scene.sessionId())).isEqualTo(2);
    assertNoTransactionLeft();
  }

  @Test
  @DisplayName("a note added while another writer changes the session record is added to the notes as changed")
  void noteAddedToChangedSession() throws Exception {
    Scene scene = scene();
    LiveClient socket = trainerSocket(scene);
    String changeNotes = "UPDATE training_session_record SET trainer_notes = 'from the front desk', version = version + 1"
        + " WHERE id = '" + scene.sessionId() + "'";

    JsonObject answer = racing(socket, scene, changeNotes, "add-note", new JsonObject().put("text", "knees out"));

    assertThat(answer.getString("type")).as(answer.encode()).isEqualTo("ack");
    assertThat(record(scene).getString("trainerNotes")).isEqualTo("from the front desk\nknees out");
    assertThat(eventRows(scene.sessionId())).isEqualTo(1);
    assertNoTransactionLeft();
  }

  /**
   * Held at the session's row, each command waits for the session's lock, alone: one whose writes are
   * its event's statement read without the lock, and its batched commit left it out rather than wait
   * (EventCommits); one that runs in a transaction waits for the lock from the start. Meanwhile
   * another session's command commits.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"log-set", "update-set", "record-rpe", "start-timer", "add-note", "end-session", "rate-form"})
  @DisplayName("a command of a session another transaction holds waits for the session's lock alone: other sessions' commands commit")
  void whereCommandsWait(String name) throws Exception {
    Scene scene = sceneWithHeavierPast();
    Scene other = sceneWithHeavierPast();
    LiveClient socket = trainerSocket(scene);
    LiveClient otherSocket = trainerSocket(other);
    socket.command(scene.sessionId(), "log-set", scene.logSet(scene.squat(), "s1"));
    JsonObject payload = payload(scene, name);
    DatabaseUrl db = stack.servers.databaseUrl();
    try (Connection holder = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      holder.setAutoCommit(false);
      holder.createStatement().execute("SELECT 1 FROM training_session_record WHERE id = '" + scene.sessionId() + "' FOR UPDATE");
      String commandId = send(socket, scene, name, payload);
      stack.awaitLockWaiters(1, " AND query LIKE '%FOR NO KEY UPDATE'");

      JsonObject otherAnswer = otherSocket.command(other.sessionId(), "log-set", other.logSet(other.squat(), "s1"));
      assertThat(otherAnswer.getString("type")).as("another session, while this one is held").isEqualTo("ack");
      holder.commit();

      JsonObject answer = socket.next(m -> commandId.equals(m.getString("commandId")));
      assertThat(answer.getString("type")).as(answer.encode()).isEqualTo("ack");
    }
  }

  /**
   * The log-set reads the trainee's records (the past's 10 × 200 kg), and its commit holds the
   * session's row while it waits for the exercise's, which this test holds. Meanwhile the trainer
   * deletes the past session over REST, which replays the trainee's squat records. Without a turn
   * taken at the live session, the replay would miss the uncommitted set and leave no squat
   * records, and the set, judged against the records it read, would set none either.
   */
  @Test
  @DisplayName("a REST edit of the trainee's past racing a log-set replays the records after the set: they are the history's")
  void pastEditedWhileSetLogged() throws Exception {
    Scene scene = scene();
    String past = heavierPast(scene);
    LiveClient socket = trainerSocket(scene);
    DatabaseUrl db = stack.servers.databaseUrl();
    try (Connection holder = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      holder.setAutoCommit(false);
      holder.createStatement().execute("SELECT 1 FROM exercise_record WHERE id = '" + scene.squat() + "' FOR UPDATE");
      String commandId = send(socket, scene, "log-set", scene.logSet(scene.squat(), "s1"));
      stack.awaitLockWaiters(1, "");

      CompletableFuture<Reply> deleted = CompletableFuture.supplyAsync(
          () -> scene.trainer().api().delete("/session-records/" + past));
      long deadline = System.currentTimeMillis() + 5_000;
      while (!deleted.isDone() && stack.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'") < 2) {
        assertThat(System.currentTimeMillis()).as("the delete answered or waiting").isLessThan(deadline);
        Thread.sleep(20);
      }
      holder.commit();

      assertThat(socket.next(m -> commandId.equals(m.getString("commandId"))).getString("type")).isEqualTo("ack");
      assertThat(deleted.get(10, TimeUnit.SECONDS).status()).isEqualTo(204);
    }
    JsonArray items = scene.trainer().api().get("/trainees/" + scene.traineeId() + "/records").json().getJsonArray("items");
    assertThat(items).as("the squat's records, from s1 alone").hasSize(1);
    JsonObject squat = items.getJsonObject(0);
    assertThat(squat.getJsonObject("weight").getString("setId")).isEqualTo("s1");
    assertThat(squat.getJsonObject("weight").getDouble("value")).isEqualTo(60.0);
    assertThat(squat.getJsonArray("repMaxes")).hasSize(1);
    assertNoTransactionLeft();
  }

  /**
   * Sends the command while another connection holds {@code update} uncommitted, commits that once
   * the command waits behind it, and returns the command's answer.
   */
  private JsonObject racing(LiveClient socket, Scene scene, String update, String name, JsonObject payload)
      throws Exception {
    DatabaseUrl db = stack.servers.databaseUrl();
    try (Connection other = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      other.setAutoCommit(false);
      other.createStatement().executeUpdate(update);
      String commandId = send(socket, scene, name, payload);
      stack.awaitLockWaiters(1, ""); // the command's write, behind the other writer's row lock
      other.commit();
      return socket.next(m -> commandId.equals(m.getString("commandId")));
    }
  }

  /** Sends the command without waiting for its answer; answers its commandId. */
  private static String send(LiveClient socket, Scene scene, String name, JsonObject payload) {
    String commandId = UUID.randomUUID().toString();
    socket.send(new JsonObject().put("type", "command").put("sessionId", scene.sessionId())
        .put("commandId", commandId).put("name", name).put("payload", payload));
    return commandId;
  }

  /** The payload of command {@code name} in these tests, on a scene whose squat holds set s1. */
  private static JsonObject payload(Scene scene, String name) {
    JsonObject setOne = new JsonObject().put("exerciseRecordId", scene.squat()).put("setId", "s1");
    return switch (name) {
      case "log-set" -> scene.logSet(scene.squat(), "s2");
      case "update-set" -> setOne.put("reps", 3);
      case "record-rpe" -> setOne.put("rpe", 9);
      case "delete-set" -> setOne;
      case "start-timer" -> new JsonObject().put("durationSeconds", 90).put("exerciseRecordId", scene.squat());
      case "add-note" -> new JsonObject().put("text", "knees out");
      case "end-session" -> new JsonObject().put("status", "completed");
      case "rate-form" -> new JsonObject().put("exerciseRecordId", scene.squat()).put("formRating", 4);
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static String editSquatNotes(Scene scene) {
    return "UPDATE exercise_record SET notes = 'edited elsewhere', version = version + 1 WHERE id = '" + scene.squat() + "'";
  }

  private JsonObject squat(Scene scene) {
    return record(scene).getJsonArray("exercises").getJsonObject(0);
  }

  private static List<String> setIds(JsonArray sets) {
    List<String> ids = new ArrayList<>();
    sets.forEach(set -> ids.add(((JsonObject) set).getString("id")));
    return ids;
  }

  private void assertNoTransactionLeft() {
    assertThat(stack.count("SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction'")).isZero();
  }
}
