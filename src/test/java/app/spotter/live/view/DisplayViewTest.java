package app.spotter.live.view;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.live.command.LiveCommand;
import app.spotter.live.command.LiveCommands;
import app.spotter.live.command.TimerCommands;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The display's allowlist on its own: what is named passes, everything else is dropped. */
class DisplayViewTest {

  @Test
  @DisplayName("every event the engine emits has its own row in the display's allowlist")
  void everyEventNamed() {
    Stream<String> emitted = Stream.concat(
        StreamSupport.stream(new LiveCommands().all().spliterator(), false).map(LiveCommand::event),
        Stream.of(TimerCommands.finish().event()));

    assertThat(emitted).allSatisfy(event -> assertThat(DisplayView.eventNames()).contains(event));
  }

  @Test
  @DisplayName("a field nobody named is dropped, nested ones and those of an event the table does not know too")
  void unknownFieldsDropped() {
    JsonObject payload = new JsonObject()
        .put("exerciseRecordId", "e1")
        .put("comment", "new free text")
        .put("set", new JsonObject().put("id", "s1").put("reps", 5).put("coachCue", "chest up")
            .put("rpe", new JsonObject().put("note", "an object where a number belongs")))
        .put("records", new JsonArray().add(new JsonObject().put("kind", "e1rm").put("value", 120.5)
            .put("previous", 118).put("note", "x")));

    assertThat(DisplayView.payload("set-logged", payload)).isEqualTo(new JsonObject()
        .put("exerciseRecordId", "e1")
        .put("set", new JsonObject().put("id", "s1").put("reps", 5))
        .put("records", new JsonArray().add(new JsonObject().put("kind", "e1rm").put("value", 120.5)
            .put("previous", 118))));
    assertThat(DisplayView.payload("some-new-event", payload)).isEqualTo(new JsonObject());
  }

  @Test
  @DisplayName("a snapshot keeps the first name only, whatever whitespace follows it")
  void firstNameOnly() {
    JsonObject state = new JsonObject()
        .put("record", new JsonObject().put("id", "r1").put("trainerNotes", "private").put("exercises", new JsonArray()))
        .put("trainee", new JsonObject().put("id", "t1").put("name", " Maria\tLopez").put("email", "m@example.test"))
        .put("timer", null);

    JsonObject view = DisplayView.state(state);

    assertThat(view.getJsonObject("trainee")).isEqualTo(new JsonObject().put("id", "t1").put("name", "Maria"));
    assertThat(view.getJsonObject("record")).isEqualTo(new JsonObject().put("id", "r1").put("exercises", new JsonArray()));
    assertThat(view.containsKey("timer")).isTrue();
  }
}
