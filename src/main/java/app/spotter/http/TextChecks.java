package app.spotter.http;

import app.spotter.api.FieldError;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Strings the contract's validator would let through but that cannot be stored as sent: a NUL
 * (Postgres refuses it) or a lone surrogate (stored as {@code ?}, the data silently changed); and an
 * empty {@code format: email} value, on which the validator's own email check throws. Each is a 400
 * naming the field, before the validator or the database see it; live commands use the same check.
 */
public final class TextChecks {
  private TextChecks() {}

  /** {@code parameters} by name, as decoded once; {@code body} parsed, or null; {@code bodySchema} may be null. */
  static List<FieldError> check(Map<String, String> parameters, JsonObject bodySchema, Object body) {
    List<FieldError> errors = new ArrayList<>();
    parameters.forEach((name, value) -> unstorable(value, name, errors));
    BodyStrings.walk(bodySchema, body, (schema, value, path) -> {
      unstorable(value, path, errors);
      if (schema != null && "email".equals(schema.getString("format")) && value.isEmpty()) {
        errors.add(new FieldError(path, "must be an email address"));
      }
      return value;
    });
    return errors;
  }

  /**
   * The strings of {@code json} (values and field names, at any depth) that cannot be stored, named
   * by their path: for bodies that arrive outside a REST request, such as live command payloads.
   */
  public static List<FieldError> unstorable(Object json) {
    List<FieldError> errors = new ArrayList<>();
    BodyStrings.walk(null, json, (schema, value, path) -> {
      unstorable(value, path, errors);
      return value;
    });
    return errors;
  }

  private static void unstorable(String value, String field, List<FieldError> errors) {
    if (value == null) {
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\0') {
        errors.add(new FieldError(field, "must not contain the NUL character"));
        return;
      }
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        errors.add(new FieldError(field, "must be valid Unicode text (it holds a lone surrogate)"));
        return;
      }
    }
  }
}
