package app.spotter.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;

/**
 * Visits every string of a request body (values, and the names of its fields) with the schema that
 * describes it (null where none does) and its field path ({@code goals[0].text}), as
 * {@link ValidationErrors} names fields. A visitor may replace a value by returning another (a
 * field's name is visited with a null schema, and what is returned for it is ignored).
 */
final class BodyStrings {
  interface Visitor {
    /** Returns the value to keep: {@code value} itself, or its replacement. */
    String visit(JsonObject schema, String value, String path);
  }

  private BodyStrings() {}

  static void walk(JsonObject schema, Object body, Visitor visitor) {
    walk(schema, body, "", visitor);
  }

  private static Object walk(JsonObject schema, Object value, String path, Visitor visitor) {
    if (value instanceof JsonObject object) {
      for (String name : new ArrayList<>(object.fieldNames())) {
        String field = path.isEmpty() ? name : path + "." + name;
        visitor.visit(null, name, field);
        Object child = object.getValue(name);
        Object kept = walk(property(schema, name), child, field, visitor);
        if (kept != child) {
          object.put(name, kept);
        }
      }
    } else if (value instanceof JsonArray array) {
      JsonObject items = schema != null && schema.getValue("items") instanceof JsonObject i ? i : null;
      for (int i = 0; i < array.size(); i++) {
        Object item = array.getValue(i);
        Object kept = walk(items, item, path + "[" + i + "]", visitor);
        if (kept != item) {
          array.set(i, kept);
        }
      }
    } else if (value instanceof String text) {
      return visitor.visit(schema, text, path.isEmpty() ? "body" : path);
    }
    return value;
  }

  /** The schema of a property, looking into {@code allOf} parts too. */
  private static JsonObject property(JsonObject schema, String name) {
    if (schema == null) {
      return null;
    }
    if (schema.getJsonObject("properties") != null
        && schema.getJsonObject("properties").getValue(name) instanceof JsonObject property) {
      return property;
    }
    JsonArray allOf = schema.getJsonArray("allOf");
    if (allOf != null) {
      for (Object part : allOf) {
        JsonObject found = part instanceof JsonObject partSchema ? property(partSchema, name) : null;
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
