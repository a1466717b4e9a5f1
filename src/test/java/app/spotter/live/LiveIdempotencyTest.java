package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.config.DatabaseUrl;
import app.spotter.live.command.CommandAnswers;
import app.spotter.live.command.RejectionRetention;
import app.spotter.support.LiveClient;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiveIdempotencyTest extends LiveTest {

  @Test
  @DisplayName("the same command sent twice gets the same ack and makes one set and one event")
  void sameCommandTwice() {
    startSession();
    LiveClient trainerSocket = trainerSocket(stack.port);
    String commandId = UUID.randomUUID().toString();

    JsonObject first = trainerSocket.command(sessionId, commandId, "log-set", set(squat, "s1", 8));
    JsonObject second = trainerSocket.command(sessionId, commandId, "log-set", set(squat, "s1", 8));

    assertThat(first.getString("type")).isEqualTo("ack");
    assertThat(second).isEqualTo(first);
    assertThat(restSetIds(0)).containsExactly("s1");
    assertThat(stack.count("SELECT count(*) FROM live_session_event WHERE command_id = '" + commandId + "'")).isOne();
    assertThat(restRecord().getLong("liveSeq")).isEqualTo(1);
  }

  @Test
  @DisplayName("a command whose socket dropped before the ack, resent on a new socket, still makes one set")
  void retryAfterDroppedConnection() {
    startSession();
    LiveClient lost = trainerSocket(stack.port);
    String commandId = UUID.randomUUID().toString();
    lost.send(new JsonObject().put("type", "command").put("sessionId", sessionId).put("commandId", commandId)
        .put("name", "log-set").put("payload", set(squat, "s1", 8)));
    lost.close();

    LiveClient retry = trainerSocket(stack.port);
    JsonObject ack = retry.command(sessionId, commandId, "log-set", set(squat, "s1", 8));

    assertThat(ack.getString("type")).isEqualTo("ack");
    assertThat(ack.getLong("seq")).isEqualTo(1);
    assertThat(restSetIds(0)).containsExactly("s1");
    assertThat(eventRows("set-logged")).isOne();
  }

  /**
   * log-set writes in its event's statement, without the session lock, so both copies wait to write
   * the session's row; rate-form runs under the lock, so both wait for it.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"log-set", "rate-form"})
  @DisplayName("a resend racing its original, both waiting for the session, gets the original's ack: one change, one event")
  void resendRacingItsOriginal(String name) throws Exception {
    startSession();
    LiveClient first = trainerSocket(stack.port);
    LiveClient second = trainerSocket(stack.port);
    String commandId = UUID.randomUUID().toString();
    JsonObject payload = name.equals("log-set") ? set(squat, "s1", 8)
        : new JsonObject().put("exerciseRecordId", squat).put("formRating", 4);
    JsonObject command = new JsonObject().put("type", "command").put("sessionId", sessionId)
        .put("commandId", commandId).put("name", name).put("payload", payload);
    DatabaseUrl db = stack.servers.databaseUrl();
    try (Connection holder = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      holder.setAutoCommit(false);
      holder.createStatement().execute("SELECT 1 FROM training_session_record WHERE id = '" + sessionId + "' FOR UPDATE");
      first.send(command);
      second.send(command);
      stack.awaitLockWaiters(2, " AND query LIKE '%training_session_record%'");
      holder.commit();
    }

    JsonObject firstAnswer = first.next(m -> commandId.equals(m.getString("commandId")));
    JsonObject secondAnswer = second.next(m -> commandId.equals(m.getString("commandId")));

    assertThat(firstAnswer.getString("type")).as(firstAnswer.encode()).isEqualTo("ack");
    assertThat(secondAnswer).isEqualTo(firstAnswer);
    assertThat(stack.count("SELECT count(*) FROM live_session_event WHERE session_record_id = '" + sessionId + "'"))
        .isOne();
    assertThat(restRecord().getJsonArray("exercises").getJsonObject(0).getInteger("version"))
        .as("the exercise written once").isEqualTo(2);
    assertThat(restSetIds(0)).isEqualTo(name.equals("log-set") ? List.of("s1") : List.of());
  }

  @Test
  @DisplayName("an acked command repeated with a broken payload or another name still gets its ack")
  void ackedThenBroken() {
    startSession();
    LiveClient trainerSocket = trainerSocket(stack.port);
    String commandId = UUID.randomUUID().toString();
    JsonObject first = trainerSocket.command(sessionId, commandId, "log-set", set(squat, "s1", 8));

    JsonObject broken = trainerSocket.command(sessionId, commandId, "log-set", set(squat, "s1", 8).put("rpe", 11));
    JsonObject renamed = trainerSocket.command(sessionId, commandId, "no-such-command", new JsonObject());

    assertThat(first.getString("type")).isEqualTo("ack");
    assertThat(broken).isEqualTo(first);
    assertThat(renamed).isEqualTo(first);
    assertThat(stack.count("SELECT count(*) FROM live_command_rejection")).isZero();
  }

  /** The state a copy rejected while its original was applied can leave behind. */
  @Test
  @DisplayName("a command both applied and kept as rejected is answered with its ack")
  void ackBeatsKeptRejection() {
    startSession();
    LiveClient trainerSocket = trainerSocket(stack.port);
    String commandId = UUID.randomUUID().toString();
    JsonObject first = trainerSocket.command(sessionId, commandId, "log-set", set(squat, "s1", 8));
    stack.execute("INSERT INTO live_command_rejection (session_record_id, command_id, answer) VALUES ('" + sessionId
        + "', '" + commandId + "', '{\"code\": \"conflict\", \"message\": \"lost\"}')");

    assertThat(trainerSocket.command(sessionId, commandId, "log-set", set(squat, "s1", 8))).isEqualTo(first);
  }

  @Test
  @DisplayName("rejections are kept a day, then forgotten")
  void rejectionsForgotten() {
    startSession();
    LiveClient trainerSocket = trainerSocket(stack.port);
    String old = UUID.randomUUID().toString();
    String recent = UUID.randomUUID().toString();
    JsonObject badRpe = set(squat, "s1", 8).put("rpe", 11);
    trainerSocket.command(sessionId, old, "log-set", badRpe);
    trainerSocket.command(sessionId, recent, "log-set", badRpe);
    stack.execute("UPDATE live_command_rejection SET created_at = now() - interval '25 hours' WHERE command_id = '" + old + "'");

    int forgotten = new CommandAnswers(stack.pool()).forgetOlderThan(RejectionRetention.KEPT).await();

    assertThat(forgotten).isOne();
    assertThat(trainerSocket.command(sessionId, old, "log-set", set(squat, "s1", 8)).getString("type"))
        .as("a repeat after a day is a new command").isEqualTo("ack");
    assertThat(trainerSocket.command(sessionId, recent, "log-set", set(squat, "s2", 8)).getString("code"))
        .isEqualTo("invalid");
  }

  @Test
  @DisplayName("a log-set whose setId is known under another commandId is a conflict, never a second set")
  void knownSetId() {
    startSession();
    LiveClient trainerSocket = trainerSocket(stack.port);
    ack(trainerSocket, "log-set", set(squat, "s1", 8));

    JsonObject again = trainerSocket.command(sessionId, "log-set", set(squat, "s1", 8));

    assertThat(again.getString("type")).isEqualTo("rejected");
    assertThat(again.getString("code")).isEqualTo("conflict");
    assertThat(restSetIds(0)).containsExactly("s1");
  }

  @Test
  @DisplayName("a repeated commandId whose first attempt was rejected gets the same rejection, even once it could succeed"
      + " and Redis lost everything")
  void rejectionRemembered() {
    startSession();
    LiveClient trainerSocket = trainerSocket(stack.port);
    String commandId = UUID.randomUUID().toString();
    JsonObject update = new JsonObject().put("exerciseRecordId", squat).put("setId", "s1").put("reps", 12);

    JsonObject first = trainerSocket.command(sessionId, commandId, "update-set", update);
    ack(trainerSocket, "log-set", set(squat, "s1", 8));
    stack.redis().send(Request.cmd(Command.FLUSHALL)).await();
    JsonObject repeat = trainerSocket.command(sessionId, commandId, "update-set", update);

    assertThat(first.getString("type")).isEqualTo("rejected");
    assertThat(first.getString("code")).isEqualTo("not-found");
    assertThat(repeat).isEqualTo(first);
    assertThat(restRecord().getJsonArray("exercises").getJsonObject(0).getJsonArray("sets").getJsonObject(0)
        .getInteger("reps")).isEqualTo(8);
    assertThat(eventRows("set-updated")).isZero();
  }

  @Test
  @DisplayName("an invalid command repeated gets the same invalid answer with the same field errors, even mended")
  void invalidRemembered() {
    startSession();
    LiveClient trainerSocket = trainerSocket(stack.port);
    String commandId = UUID.randomUUID().toString();
    JsonObject badRpe = set(squat, "s1", 8).put("rpe", 11);

    JsonObject first = trainerSocket.command(sessionId, commandId, "log-set", badRpe);
    JsonObject repeat = trainerSocket.command(sessionId, commandId, "log-set", badRpe);
    JsonObject mended = trainerSocket.command(sessionId, commandId, "log-set", set(squat, "s1", 8));

    assertThat(first.getString("code")).isEqualTo("invalid");
    assertThat(first.getJsonArray("errors")).isNotEmpty();
    assertThat(repeat).isEqualTo(first);
    assertThat(mended).isEqualTo(first);
    assertThat(restSetIds(0)).isEmpty();
  }
}
