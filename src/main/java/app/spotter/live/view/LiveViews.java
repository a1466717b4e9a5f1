package app.spotter.live.view;

import app.spotter.auth.Role;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * What each role may see of a live session. Events are never dropped (seq stays gap-free for every
 * role); what a role may not see is removed from the payload. A trainee sees their session without
 * the trainer's notes and the injury flags (a warning for the trainer, not a verdict for the trainee
 * to read mid-set); a display sees only what {@link DisplayView} allows.
 */
public final class LiveViews {
  /** Event payload fields hidden from trainees (trainer-private). */
  private static final Set<String> TRAINER_PRIVATE = Set.of("trainerNotes", "text");
  private static final Set<String> PRIVATE_EVENTS = Set.of("note-added");
  /** Injury flags: on exercises of the snapshot, on exercise-started and on exercise-added's exercise. */
  private static final String FLAGS = "flags";

  private LiveViews() {}

  /** The event as {@code role} receives it. */
  public static JsonObject event(Role role, JsonObject event) {
    return switch (role) {
      case TRAINER, SERVER -> event;
      case TRAINEE -> event.copy().put("payload", traineePayload(event.getString("name"), event.getJsonObject("payload")));
      case DISPLAY -> event.copy().put("payload", DisplayView.payload(event.getString("name"), event.getJsonObject("payload")));
    };
  }

  /** The snapshot state as {@code role} receives it. */
  public static JsonObject state(Role role, JsonObject state) {
    return switch (role) {
      case TRAINER, SERVER -> state;
      case TRAINEE -> {
        JsonObject view = state.copy();
        view.getJsonObject("record").remove("trainerNotes");
        view.getJsonObject("record").getJsonArray("exercises").forEach(e -> ((JsonObject) e).remove(FLAGS));
        yield view;
      }
      case DISPLAY -> DisplayView.state(state);
    };
  }

  private static JsonObject traineePayload(String eventName, JsonObject payload) {
    JsonObject view = payload.copy();
    if (PRIVATE_EVENTS.contains(eventName)) {
      TRAINER_PRIVATE.forEach(view::remove);
    }
    view.remove("trainerNotes");
    view.remove(FLAGS);
    if (view.getValue("exercise") instanceof JsonObject exercise) {
      exercise.remove(FLAGS);
    }
    return view;
  }

  /** "Wherever only a first name may be shown, it is the first word of name." */
  static String firstName(String name) {
    if (name == null) {
      return null;
    }
    // Any whitespace ends the first word (a tab or line break too), as the web client splits it.
    return name.strip().split("(?U)\\s+", 2)[0];
  }
}
