package app.spotter.record;

import app.spotter.api.ApiException;
import app.spotter.auth.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An exercise record's {@code sets} as stored: the schema has checked each set's values; here the
 * rules it cannot express. Set ids are made by clients (so a retried write never makes two sets)
 * and must be unique within the exercise.
 */
final class RecordSets {
  private static final String DEFAULT_KIND = "working";

  private RecordSets() {}

  /**
   * Copies {@code sets} with {@code number} 1..n where omitted, {@code kind} defaulting to working and
   * {@code loggedBy} the writing trainer. {@code field} names the array in errors (e.g. {@code exercises[1].sets}).
   */
  static JsonArray normalize(JsonArray sets, String field, UUID trainerId) {
    JsonArray out = new JsonArray();
    if (sets == null) {
      return out;
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < sets.size(); i++) {
      JsonObject set = sets.getJsonObject(i).copy();
      String id = set.getString("id");
      if (!ids.add(id)) {
        throw ApiException.invalidField(field, "set ids must be unique within an exercise; \"" + id + "\" repeats");
      }
      if (set.getValue("number") == null) {
        set.put("number", i + 1);
      }
      if (set.getValue("kind") == null) {
        set.put("kind", DEFAULT_KIND);
      }
      out.add(set.put("loggedBy", new JsonObject().put("role", Role.TRAINER.wire()).put("id", trainerId.toString())));
    }
    return out;
  }

  /**
   * A set that existed before an edit keeps who logged it (the trainee, or the live socket); only
   * sets new to the exercise are stamped with the editing trainer.
   */
  static JsonObject keepAuthors(JsonObject exercise, JsonArray previous) {
    if (previous == null) {
      return exercise;
    }
    Map<String, Object> authors = new HashMap<>();
    previous.forEach(set -> authors.put(((JsonObject) set).getString("id"), ((JsonObject) set).getValue("loggedBy")));
    exercise.getJsonArray("sets", new JsonArray()).forEach(item -> {
      JsonObject set = (JsonObject) item;
      if (authors.get(set.getString("id")) != null) {
        set.put("loggedBy", authors.get(set.getString("id")));
      }
    });
    return exercise;
  }
}
