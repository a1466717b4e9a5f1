package app.spotter.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * The schemas of docs/openapi.yaml as the fuzzer reads them: {@code $ref}s followed, {@code allOf}
 * merged, the first alternative of {@code oneOf}/{@code anyOf} taken, and a valid sample of each.
 */
final class ContractSchemas {
  private final JsonObject contract;

  ContractSchemas(JsonObject contract) {
    this.contract = contract;
  }

  JsonObject resolve(JsonObject schema) {
    if (schema == null) {
      return new JsonObject();
    }
    JsonObject resolved = schema;
    while (resolved.getString("$ref") != null) {
      resolved = pointer(resolved.getString("$ref"));
    }
    JsonArray allOf = resolved.getJsonArray("allOf");
    if (allOf != null) {
      JsonObject merged = resolved.copy();
      merged.remove("allOf");
      JsonObject properties = merged.getJsonObject("properties", new JsonObject()).copy();
      JsonArray required = merged.getJsonArray("required", new JsonArray()).copy();
      for (Object part : allOf) {
        JsonObject partSchema = resolve((JsonObject) part);
        properties.mergeIn(partSchema.getJsonObject("properties", new JsonObject()));
        required.addAll(partSchema.getJsonArray("required", new JsonArray()));
        partSchema.forEach(e -> merged.getMap().putIfAbsent(e.getKey(), e.getValue()));
      }
      merged.put("properties", properties).put("required", required);
      resolved = merged;
    }
    for (String alternatives : new String[] {"oneOf", "anyOf"}) {
      JsonArray options = resolved.getJsonArray(alternatives);
      if (options != null && resolved.getValue("type") == null && resolved.getJsonObject("properties") == null) {
        return resolve(options.getJsonObject(0));
      }
    }
    return resolved;
  }

  /** The schema's type: the first of a list that is not "null", or what its keywords imply. */
  static String type(JsonObject schema) {
    Object type = schema.getValue("type");
    if (type instanceof String text) {
      return text;
    }
    if (type instanceof JsonArray types) {
      return types.stream().map(String::valueOf).filter(t -> !t.equals("null")).findFirst().orElse("null");
    }
    if (schema.containsKey("properties")) {
      return "object";
    }
    if (schema.containsKey("items")) {
      return "array";
    }
    return schema.containsKey("enum") && schema.getJsonArray("enum").getValue(0) instanceof String ? "string" : "any";
  }

  /** A value the schema accepts, as small as it allows; objects get their required properties only. */
  Object sample(JsonObject raw) {
    JsonObject schema = resolve(raw);
    if (schema.containsKey("enum")) {
      return schema.getJsonArray("enum").getValue(0);
    }
    switch (type(schema)) {
      case "object" -> {
        JsonObject object = new JsonObject();
        JsonObject properties = schema.getJsonObject("properties", new JsonObject());
        for (Object name : schema.getJsonArray("required", new JsonArray())) {
          object.put((String) name, sample(properties.getJsonObject((String) name, new JsonObject())));
        }
        return object;
      }
      case "array" -> {
        JsonArray array = new JsonArray();
        for (int i = 0; i < Math.max(1, schema.getInteger("minItems", 0)); i++) {
          array.add(sample(schema.getJsonObject("items", new JsonObject())));
        }
        return array;
      }
      case "integer", "number" -> {
        long value = Math.max(schema.getLong("minimum", 1L), 1L);
        return Math.min(value, schema.getLong("maximum", value));
      }
      case "boolean" -> {
        return true;
      }
      default -> {
        return switch (schema.getString("format", "")) {
          case "uuid" -> UUID.randomUUID().toString();
          case "date-time" -> "2026-11-20T08:00:00Z";
          case "date" -> "2026-11-20";
          case "email" -> "sample@spotter.test";
          case "uri" -> "https://example.test/";
          default -> "Sample" + "x".repeat(Math.max(0, schema.getInteger("minLength", 0) - 6));
        };
      }
    }
  }

  private JsonObject pointer(String ref) {
    if (!ref.startsWith("#/")) {
      throw new IllegalArgumentException("only local $refs are followed: " + ref);
    }
    Object node = contract;
    for (String token : ref.substring(2).split("/")) {
      node = ((JsonObject) node).getValue(token.replace("~1", "/").replace("~0", "~"));
    }
    return (JsonObject) node;
  }
}
