package app.spotter.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** A request body with one field, at any depth, set to a value; containers on the way are sampled from the schema. */
final class BodyPaths {
  private BodyPaths() {}

  /** {@code [exercises, 0, sets, 0, reps]} → {@code exercises[0].sets[0].reps}, as the server names fields. */
  static String name(List<Object> path) {
    StringBuilder name = new StringBuilder();
    for (Object token : path) {
      if (token instanceof Integer index) {
        name.append('[').append(index).append(']');
      } else {
        name.append(name.length() == 0 ? "" : ".").append(token);
      }
    }
    return name.toString();
  }

  static JsonObject with(ContractSchemas schemas, JsonObject rootSchema, JsonObject valid, List<Object> path,
      Object value) {
    JsonObject body = valid.copy();
    Object container = body;
    JsonObject schema = rootSchema;
    for (int i = 0; i < path.size() - 1; i++) {
      Object token = path.get(i);
      JsonObject childSchema = schemas.resolve(token instanceof Integer
          ? schema.getJsonObject("items", new JsonObject())
          : schema.getJsonObject("properties", new JsonObject()).getJsonObject((String) token, new JsonObject()));
      Object child = get(container, token);
      if (child == null || (child instanceof JsonArray array && array.isEmpty())) {
        child = schemas.sample(childSchema);
        set(container, token, child);
      }
      container = child;
      schema = childSchema;
    }
    set(container, path.get(path.size() - 1), value);
    return body;
  }

  private static Object get(Object container, Object token) {
    return token instanceof Integer index ? ((JsonArray) container).getValue(index)
        : ((JsonObject) container).getValue((String) token);
  }

  private static void set(Object container, Object token, Object value) {
    if (token instanceof Integer index) {
      JsonArray array = (JsonArray) container;
      if (array.size() > index) {
        array.set(index, value);
      } else {
        array.add(value);
      }
    } else {
      ((JsonObject) container).put((String) token, value);
    }
  }
}
