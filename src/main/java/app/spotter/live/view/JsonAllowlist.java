package app.spotter.live.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The members of a JSON object that may pass, by name; every other member is dropped, so a field
 * nobody named (a new one included) never passes. A named member is a plain value (text, number,
 * boolean or null: an object or array in its place is dropped too) unless it is given its own
 * allowlist, which then applies to the object there, or to each object of an array there.
 */
final class JsonAllowlist {
  /** A member that may hold a plain value only. */
  private static final JsonAllowlist VALUE = new JsonAllowlist(Map.of());
  /** Passes an object without any of its members. */
  static final JsonAllowlist NOTHING = new JsonAllowlist(Map.of());
  /** What {@link #admit} answers for a value that may not pass. */
  private static final Object DROPPED = new Object();

  private final Map<String, JsonAllowlist> members;

  private JsonAllowlist(Map<String, JsonAllowlist> members) {
    this.members = members;
  }

  /** These members, each a plain value. */
  static JsonAllowlist of(String... names) {
    Map<String, JsonAllowlist> members = new LinkedHashMap<>();
    for (String name : names) {
      members.put(name, VALUE);
    }
    return new JsonAllowlist(Map.copyOf(members));
  }

  /** This allowlist and the member {@code name}, an object or an array of objects that {@code inner} applies to. */
  JsonAllowlist with(String name, JsonAllowlist inner) {
    Map<String, JsonAllowlist> more = new LinkedHashMap<>(members);
    more.put(name, inner);
    return new JsonAllowlist(Map.copyOf(more));
  }

  /** A new object with only the allowed members of {@code object}. */
  JsonObject keep(JsonObject object) {
    JsonObject kept = new JsonObject();
    members.forEach((name, inner) -> {
      if (object.containsKey(name)) {
        Object value = inner.admit(object.getValue(name));
        if (value != DROPPED) {
          kept.put(name, value);
        }
      }
    });
    return kept;
  }

  private Object admit(Object value) {
    if (value == null) {
      return null;
    }
    if (this == VALUE) {
      return value instanceof JsonObject || value instanceof JsonArray ? DROPPED : value;
    }
    if (value instanceof JsonObject object) {
      return keep(object);
    }
    if (value instanceof JsonArray array) {
      JsonArray kept = new JsonArray();
      array.forEach(element -> {
        if (element instanceof JsonObject object) {
          kept.add(keep(object));
        }
      });
      return kept;
    }
    return DROPPED;
  }
}
