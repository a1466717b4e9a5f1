package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.LiveClient;
import app.spotter.support.LiveFixtures;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A display claimed with a location watches only the sessions at that location, however it asks. */
class LiveDisplayLocationTest extends LiveSceneTest {

  @Test
  @DisplayName("a display at Downtown subscribing to a session at Uptown, or to one without a location, gets"
      + " not-found; one at Downtown it gets")
  void directSubscribe() {
    Trainer trainer = registerTrainer();
    String downtown = startAt(trainer, "Downtown");
    String uptown = startAt(trainer, "Uptown");
    String nowhere = startAt(trainer, null);
    LiveClient display = open(LiveClient.connect(stack))
        .hello(LiveFixtures.displayToken(trainer, "Downtown"), "wall-display");

    JsonObject elsewhere = display.subscribe(uptown, null);
    JsonObject unplaced = display.subscribe(nowhere, null);
    JsonObject here = display.subscribe(downtown, null);
    JsonObject caughtUp = display.subscribe(uptown, 0L);

    assertThat(withoutMessage(elsewhere)).isEqualTo(notFound(uptown));
    assertThat(withoutMessage(unplaced)).isEqualTo(notFound(nowhere));
    assertThat(here.getString("type")).isEqualTo("snapshot");
    assertThat(withoutMessage(caughtUp)).isEqualTo(notFound(uptown));
  }

  @Test
  @DisplayName("subscribe-display at Downtown gets that location's sessions only, also those started later;"
      + " a display without a location gets them all")
  void subscribeDisplay() {
    Trainer trainer = registerTrainer();
    String downtown = startAt(trainer, "Downtown");
    startAt(trainer, "Uptown");
    LiveClient placed = open(LiveClient.connect(stack))
        .hello(LiveFixtures.displayToken(trainer, "Downtown"), "wall-display");
    LiveClient everywhere = open(LiveClient.connect(stack)).hello(LiveFixtures.displayToken(trainer), "wall-display");
    placed.send(new JsonObject().put("type", "subscribe-display"));
    everywhere.send(new JsonObject().put("type", "subscribe-display"));
    assertThat(placed.next(m -> "snapshot".equals(m.getString("type"))).getString("sessionId")).isEqualTo(downtown);
    everywhere.next(m -> "snapshot".equals(m.getString("type")));
    everywhere.next(m -> "snapshot".equals(m.getString("type")));

    String laterUptown = startAt(trainer, "Uptown");
    String laterDowntown = startAt(trainer, "Downtown");

    assertThat(placed.next(m -> "snapshot".equals(m.getString("type"))).getString("sessionId"))
        .isEqualTo(laterDowntown);
    assertThat(everywhere.next(m -> "snapshot".equals(m.getString("type"))).getString("sessionId"))
        .isIn(laterUptown, laterDowntown);
    assertThat(everywhere.next(m -> "snapshot".equals(m.getString("type"))).getString("sessionId"))
        .isIn(laterUptown, laterDowntown);
    assertThat(placed.poll(m -> "snapshot".equals(m.getString("type")), 300)).isNull();
  }

  /** A live session of a new trainee of this trainer, at {@code location} (none when null). */
  private String startAt(Trainer trainer, String location) {
    String traineeId = createTrainee(trainer.api(), "Trainee " + location);
    JsonObject body = new JsonObject().put("traineeId", traineeId);
    if (location != null) {
      body.put("location", location);
    }
    return trainer.api().post("/live-sessions", body).json().getString("id");
  }

  /** The error as a missing session gets it, message aside. */
  private static JsonObject notFound(String sessionId) {
    return new JsonObject().put("type", "error").put("code", "not-found").put("sessionId", sessionId);
  }

  private static JsonObject withoutMessage(JsonObject error) {
    JsonObject copy = error.copy();
    copy.remove("message");
    return copy;
  }
}
