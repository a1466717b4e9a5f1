package app.spotter.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Visits every string of a request body with the schema that describes it (null where none does)
 * and its field path ({@code goals[0].text}), as {@link ValidationErrors} names fields.
 */
final class BodyStrings {
  interface Visitor {
    void visit(JsonObject schema, String value, String path);
  }

  private BodyStrings() {}

  static void walk(JsonObject schema, Object value, Visitor visitor) {
    walk(schema, value, "", visitor);
  }

  private static void walk(JsonObject schema, Object value, String path, Visitor visitor) {
    if (value instanceof JsonObject object) {
      for (String name : object.fieldNames()) {
        String field = path.isEmpty() ? name : path + "." + name;
        visitor.visit(null, name, field);
        walk(property(schema, name), object.getValue(name), field, visitor);
      }
    } else if (value instanceof JsonArray array) {
      JsonObject items = schema != null && schema.getValue("items") instanceof JsonObject i ? i : null;
      for (int i = 0; i < array.size(); i++) {
        walk(items, array.getValue(i), path + "[" + i + "]", visitor);
      }
    } else if (value instanceof String text) {
      visitor.visit(schema, text, path.isEmpty() ? "body" : path);
    }
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
