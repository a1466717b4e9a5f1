package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ExtraSpotter;
import app.spotter.support.LiveClient;
import app.spotter.support.LiveFixtures;
import app.spotter.support.RawWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A client that stops reading is dropped with 4008 instead of being buffered for without end. */
class LiveSlowConsumerTest extends LiveSceneTest {
  private static final int SESSIONS = 4;
  /**
   * Per session. 200 events of 30 KB (10,000 three-byte characters of notes): more than the server's
   * write-queue bound (1 MiB) plus what the kernel buffers on loopback (a few MB), spread over
   * sessions so Postgres commits them in parallel.
   */
  private static final int CHANGES = 50;
  private static final String NOTES = "€".repeat(10_000);
  /** Lets one socket send commands as fast as it likes. */
  private static ExtraSpotter unlimited;

  @BeforeAll
  static void startUnlimited() {
    unlimited = ExtraSpotter.start(Map.of("SPOTTER_LIVE_COMMANDS_PER_SECOND", "100000",
        "SPOTTER_LIVE_COMMAND_BURST", "100000"));
  }

  @AfterAll
  static void stopUnlimited() {
    unlimited.close();
  }

  @Test
  @DisplayName("a subscriber that stops reading while events flow is dropped with 4008; the sender and the records go on")
  void slowConsumerClosed() {
    Trainer trainer = registerTrainer();
    String template = LiveFixtures.template(trainer, "Squat");
    List<JsonObject> sessions = new ArrayList<>();
    for (int i = 0; i < SESSIONS; i++) {
      sessions.add(LiveFixtures.start(trainer, createTrainee(trainer.api(), "Trainee " + i), template));
    }
    String first = sessions.get(0).getString("id");
    LiveClient sender = open(unlimited.connect()).hello(trainer.api().token(), "trainer-tablet");
    sender.subscribe(first, null);

    try (RawWebSocket stalled = RawWebSocket.connect(unlimited.port, 4096)) {
      stalled.sendJson(new JsonObject().put("type", "hello").put("token", trainer.api().token()));
      assertThat(stalled.nextJson().getString("type")).isEqualTo("welcome");
      for (JsonObject session : sessions) {
        stalled.sendJson(new JsonObject().put("type", "subscribe").put("sessionId", session.getString("id")));
        assertThat(stalled.nextOfType("snapshot").getString("sessionId")).isEqualTo(session.getString("id"));
      }
      sender.next(m -> "presence".equals(m.getString("type")) && m.getJsonArray("devices").size() == 2);

      for (int i = 0; i < CHANGES; i++) {
        for (JsonObject session : sessions) {
          sender.send(new JsonObject().put("type", "command").put("sessionId", session.getString("id"))
              .put("commandId", i + "-" + session.getString("id")).put("name", "modify-exercise")
              .put("payload", new JsonObject().put("exerciseRecordId", LiveFixtures.exerciseId(session, 0))
                  .put("modificationNotes", NOTES)));
        }
      }

      for (int i = 0; i < CHANGES; i++) {
        for (JsonObject session : sessions) {
          String id = i + "-" + session.getString("id");
          assertThat(sender.next(m -> id.equals(m.getString("commandId"))).getString("type")).isEqualTo("ack");
        }
      }

      // Every event has been handed over while the stalled client read nothing: the server gave up on it.
      int[] received = {0};
      assertThat(stalled.awaitClose(10_000, frame -> received[0]++)).isEqualTo(4008);
      assertThat(received[0]).isLessThan(SESSIONS * CHANGES);
    }
    assertThat(sender.events(first, CHANGES)).hasSize(CHANGES);
    assertThat(sender.isClosed()).isFalse();
    assertThat(stack.count("SELECT count(*) FROM live_session_event")).isEqualTo(SESSIONS * CHANGES);
  }

  @Test
  @DisplayName("a reader catching up on more than the write queue holds gets a snapshot instead, and stays")
  void bigCatchUp() {
    Scene scene = scene();
    LiveClient sender = open(unlimited.connect()).hello(scene.trainer().api().token(), "trainer-tablet");
    for (int i = 0; i < CHANGES; i++) {
      sender.send(new JsonObject().put("type", "command").put("sessionId", scene.sessionId()).put("commandId", "c" + i)
          .put("name", "modify-exercise").put("payload", new JsonObject()
              .put("exerciseRecordId", scene.squat()).put("modificationNotes", NOTES)));
    }
    for (int i = 0; i < CHANGES; i++) {
      String id = "c" + i;
      assertThat(sender.next(m -> id.equals(m.getString("commandId"))).getString("type")).isEqualTo("ack");
    }

    LiveClient reader = open(unlimited.connect()).hello(scene.trainer().api().token(), "trainer-tablet");
    JsonObject answer = reader.subscribe(scene.sessionId(), 0L);

    assertThat(answer.getString("type")).isEqualTo("snapshot");
    assertThat(answer.getLong("seq")).isEqualTo(CHANGES);
    assertThat(reader.command(scene.sessionId(), "add-note", new JsonObject().put("text", "still here"))
        .getString("type")).isEqualTo("ack");
    assertThat(reader.isClosed()).isFalse();
    LiveClient recent = open(unlimited.connect()).hello(scene.trainer().api().token(), "trainer-tablet");
    assertThat(recent.subscribe(scene.sessionId(), (long) CHANGES - 2).getString("type")).isEqualTo("subscribed");
    assertThat(recent.events(scene.sessionId(), 2)).extracting(e -> e.getLong("seq"))
        .containsExactly((long) CHANGES - 1, (long) CHANGES);
  }
}
