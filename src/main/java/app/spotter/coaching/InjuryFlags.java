package app.spotter.coaching;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of a trainee's injuries an exercise touches (contract v2, "Injury flags"): an unresolved
 * injury whose muscles (its own {@code muscles}, else those {@link InjuryAreas} derives from its
 * {@code area}) meet the exercise's muscles gives the flag {@code {kind: "injury", area, note}}.
 * Trainer-only: the live views remove flags for every other role.
 */
public final class InjuryFlags {
  private InjuryFlags() {}

  /** The flags, in the order of the injuries; empty when none applies. */
  public static JsonArray of(JsonArray injuries, Collection<String> exerciseMuscles) {
    Set<String> worked = exerciseMuscles.stream().map(m -> m.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    JsonArray flags = new JsonArray();
    for (Object item : injuries) {
      if (item instanceof JsonObject injury && injury.getValue("resolvedAt") == null
          && muscles(injury).stream().anyMatch(worked::contains)) {
        flags.add(new JsonObject().put("kind", "injury").put("area", injury.getString("area"))
            .put("note", injury.getString("note")));
      }
    }
    return flags;
  }

  private static Set<String> muscles(JsonObject injury) {
    JsonArray named = injury.getJsonArray("muscles");
    if (named == null) {
      return InjuryAreas.muscles(injury.getString("area"));
    }
    return named.stream().map(String::valueOf).collect(Collectors.toSet());
  }
}
