package app.spotter.live.command;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A command payload schema of docs/openapi.yaml compiled once into plain checks that answer only
 * "valid or not". vertx-json-schema walks the schema as JSON on every call and builds locations,
 * sets and output units even for a valid payload: the server's biggest CPU hotspot under load.
 *
 * <p>It knows just the keywords the Live* schemas use and refuses to compile any other, so the
 * contract cannot move past it unnoticed. Each check follows vertx-json-schema 5.0 (draft
 * 2020-12) to the letter, since a payload accepted here is not validated again.
 */
final class CompiledSchema {
  /** vertx-json-schema's own uuid pattern and flags, matched as it does (find). */
  private static final Pattern UUID =
      Pattern.compile("^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$", Pattern.CASE_INSENSITIVE);
  private static final String SCHEMAS = "#/components/schemas/";

  private final Predicate<Object> check;

  private CompiledSchema(Predicate<Object> check) {
    this.check = check;
  }

  /**
   * Compiles {@code schemas[name]}, the contract's components/schemas.
   *
   * @throws IllegalStateException naming the schema and keyword when it uses one not known here
   */
  static CompiledSchema compile(JsonObject schemas, String name) {
    return new CompiledSchema(new Compiler(schemas).ref(name, new HashSet<>()));
  }

  boolean accepts(Object payload) {
    return check.test(payload);
  }

  private record Compiler(JsonObject schemas) {
    Predicate<Object> ref(String name, Set<String> resolving) {
      Object schema = schemas.getValue(name);
      if (schema == null || !resolving.add(name)) {
        throw refused(name, schema == null ? "a $ref to a missing schema" : "a recursive $ref");
      }
      Predicate<Object> compiled = schema(schema, name, resolving);
      resolving.remove(name);
      return compiled;
    }

    private Predicate<Object> schema(Object schema, String where, Set<String> resolving) {
      if (schema instanceof Boolean accept) {
        return value -> accept;
      }
      JsonObject object = argument(schema, JsonObject.class, where, "a schema");
      List<Predicate<Object>> checks = new ArrayList<>();
      for (String keyword : object.fieldNames()) {
        if (!JsonSchema.EXCLUDE_ANNOTATIONS.test(keyword)) {
          continue; // where vertx-json-schema notes the absolute URIs it resolved
        }
        Object arg = object.getValue(keyword);
        switch (keyword) {
          case "description", "examples" -> { } // annotations: they validate nothing
          case "type" -> checks.add(type(arg, where));
          case "enum" -> checks.add(oneOf(argument(arg, JsonArray.class, where, keyword), where));
          case "$ref" -> checks.add(ref(refName(argument(arg, String.class, where, keyword), where), resolving));
          case "allOf" -> {
            JsonArray parts = argument(arg, JsonArray.class, where, keyword);
            for (int i = 0; i < parts.size(); i++) {
              checks.add(schema(parts.getValue(i), where + "/allOf/" + i, resolving));
            }
          }
          case "properties", "additionalProperties" -> { } // one check for both, below
          case "required" -> checks.add(required(argument(arg, JsonArray.class, where, keyword)));
          case "minProperties" -> {
            int min = argument(arg, Integer.class, where, keyword);
            checks.add(value -> !(value instanceof JsonObject o) || o.size() >= min);
          }
          case "maxProperties" -> {
            int max = argument(arg, Integer.class, where, keyword);
            checks.add(value -> !(value instanceof JsonObject o) || o.size() <= max);
          }
          case "propertyNames" -> checks.add(propertyNames(schema(arg, where + "/propertyNames", resolving)));
          case "minimum" -> {
            Number min = argument(arg, Number.class, where, keyword);
            checks.add(number(n -> !SchemaNumbers.less(n, min)));
          }
          case "maximum" -> {
            Number max = argument(arg, Number.class, where, keyword);
            checks.add(number(n -> !SchemaNumbers.less(max, n)));
          }
          case "multipleOf" -> {
            Number factor = argument(arg, Number.class, where, keyword);
            checks.add(number(n -> SchemaNumbers.isMultiple(n, factor)));
          }
          case "minLength" -> {
            int min = argument(arg, Integer.class, where, keyword);
            checks.add(text(s -> s.codePointCount(0, s.length()) >= min));
          }
          case "maxLength" -> {
            int max = argument(arg, Integer.class, where, keyword);
            checks.add(text(s -> s.codePointCount(0, s.length()) <= max));
          }
          case "format" -> {
            if (!"uuid".equals(arg)) {
              throw refused(where, "format " + arg);
            }
            checks.add(text(s -> UUID.matcher(s).find()));
          }
          default -> throw refused(where, "keyword \"" + keyword + "\"");
        }
      }
      if (object.containsKey("properties") || object.containsKey("additionalProperties")) {
        checks.add(fields(object, where, resolving));
      }
      return all(checks);
    }

    private static String refName(String ref, String where) {
      int fragment = ref.indexOf('#');
      if (fragment < 0 || !ref.startsWith(SCHEMAS, fragment)) {
        throw refused(where, "a $ref outside components/schemas: " + ref);
      }
      return ref.substring(fragment + SCHEMAS.length());
    }

    /**
     * properties and additionalProperties in one pass over the payload's fields. Only
     * additionalProperties false is known: every field must be one of this schema's properties.
     */
    private Predicate<Object> fields(JsonObject object, String where, Set<String> resolving) {
      Object additional = object.getValue("additionalProperties");
      if (additional != null && !Boolean.FALSE.equals(additional)) {
        throw refused(where, "additionalProperties other than false");
      }
      boolean closed = additional != null;
      JsonObject declared = object.containsKey("properties")
          ? argument(object.getValue("properties"), JsonObject.class, where, "properties") : new JsonObject();
      Map<String, Predicate<Object>> properties = new HashMap<>();
      for (String name : declared.fieldNames()) {
        properties.put(name, schema(declared.getValue(name), where + "/properties/" + name, resolving));
      }
      return value -> {
        if (value instanceof JsonObject fields) {
          for (Map.Entry<String, Object> field : fields) {
            Predicate<Object> property = properties.get(field.getKey());
            if (property == null ? closed : !property.test(field.getValue())) {
              return false;
            }
          }
        }
        return true;
      };
    }
  }

  private static Predicate<Object> type(Object type, String where) {
    if (type instanceof JsonArray types) {
      List<Predicate<Object>> any = new ArrayList<>();
      types.forEach(name -> any.add(type(name, where)));
      return any.stream().reduce(Predicate::or).orElseThrow(() -> refused(where, "an empty type list"));
    }
    return switch (argument(type, String.class, where, "type")) {
      case "object" -> value -> value instanceof JsonObject;
      case "array" -> value -> value instanceof JsonArray;
      case "string" -> value -> value instanceof String;
      case "number" -> value -> value instanceof Number;
      case "integer" -> value -> value instanceof Number n && SchemaNumbers.isInteger(n);
      case "boolean" -> value -> value instanceof Boolean;
      case "null" -> value -> value == null;
      default -> throw refused(where, "type " + type);
    };
  }

  /** enum of strings only: vertx-json-schema compares a string with equals, and nothing else equals one. */
  private static Predicate<Object> oneOf(JsonArray values, String where) {
    Set<String> allowed = new HashSet<>();
    for (Object value : values) {
      allowed.add(argument(value, String.class, where, "an enum value"));
    }
    return value -> value instanceof String s && allowed.contains(s);
  }

  private static Predicate<Object> required(JsonArray names) {
    String[] required = names.stream().map(String.class::cast).toArray(String[]::new);
    return value -> {
      if (value instanceof JsonObject object) {
        for (String name : required) {
          if (!object.containsKey(name)) {
            return false;
          }
        }
      }
      return true;
    };
  }

  private static Predicate<Object> propertyNames(Predicate<Object> name) {
    return value -> !(value instanceof JsonObject object) || object.fieldNames().stream().allMatch(name);
  }

  /** A keyword that constrains numbers lets every other type through, as in JSON Schema. */
  private static Predicate<Object> number(Predicate<Number> check) {
    return value -> !(value instanceof Number n) || check.test(n);
  }

  private static Predicate<Object> text(Predicate<String> check) {
    return value -> !(value instanceof String s) || check.test(s);
  }

  private static Predicate<Object> all(List<Predicate<Object>> checks) {
    @SuppressWarnings("unchecked")
    Predicate<Object>[] each = checks.toArray(new Predicate[0]);
    return value -> {
      for (Predicate<Object> check : each) {
        if (!check.test(value)) {
          return false;
        }
      }
      return true;
    };
  }

  private static <T> T argument(Object value, Class<T> type, String where, String what) {
    if (!type.isInstance(value)) {
      throw refused(where, what + " that is not " + type.getSimpleName() + ": " + value);
    }
    return type.cast(value);
  }

  private static IllegalStateException refused(String where, String what) {
    return new IllegalStateException("docs/openapi.yaml schema " + where + " uses " + what
        + ", which CompiledSchema does not know (teach it, or the fast payload check would differ from the validator)");
  }
}
