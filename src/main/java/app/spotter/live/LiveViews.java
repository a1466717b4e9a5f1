package app.spotter.live;

import app.spotter.auth.Role;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * What each role may see of a live session. Events are never dropped (seq stays gap-free for every
 * role); what a role may not see is removed from the payload. A display sees first names,
 * exercises, sets and timers — never notes, feedback or anything personal.
 */
final class LiveViews {
  /** Event payload fields hidden from trainees and displays (trainer-private). */
  private static final Set<String> TRAINER_PRIVATE = Set.of("trainerNotes", "text");
  /** Further fields hidden from displays. */
  private static final Set<String> DISPLAY_HIDDEN = Set.of("feedback", "traineeFeedback");
  private static final Set<String> PRIVATE_EVENTS = Set.of("note-added");

  private LiveViews() {}

  /** The event as {@code role} receives it. */
  static JsonObject event(Role role, JsonObject event) {
    if (role == Role.TRAINER) {
      return event;
    }
    JsonObject payload = event.getJsonObject("payload").copy();
    if (PRIVATE_EVENTS.contains(event.getString("name"))) {
      TRAINER_PRIVATE.forEach(payload::remove);
    }
    payload.remove("trainerNotes");
    if (role == Role.DISPLAY) {
      DISPLAY_HIDDEN.forEach(payload::remove);
    }
    return event.copy().put("payload", payload);
  }

  /** The snapshot state as {@code role} receives it. */
  static JsonObject state(Role role, JsonObject state) {
    if (role == Role.TRAINER) {
      return state;
    }
    JsonObject view = state.copy();
    JsonObject record = view.getJsonObject("record");
    record.remove("trainerNotes");
    if (role == Role.DISPLAY) {
      record.remove("traineeFeedback");
      record.remove("sessionMetadata");
      JsonObject trainee = view.getJsonObject("trainee");
      trainee.put("name", firstName(trainee.getString("name")));
    }
    return view;
  }

  /** "Wherever only a first name may be shown, it is the first word of name." */
  static String firstName(String name) {
    if (name == null) {
      return null;
    }
    String trimmed = name.trim();
    int space = trimmed.indexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(0, space);
  }
}
