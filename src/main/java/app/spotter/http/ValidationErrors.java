package app.spotter.http;

import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the OpenAPI validator reports into field errors a client can act on: one per
 * offending field, named by its path ({@code goals[0].text}), aggregate noise removed.
 */
final class ValidationErrors {
  private static final Pattern REQUIRED = Pattern.compile("required property \"([^\"]+)\"");
  private static final Pattern ADDITIONAL = Pattern.compile("Property \"([^\"]+)\" does not match additional properties");
  private static final Pattern PARAMETER = Pattern.compile("(?:of|required) (?:path|query|header|cookie) parameter (\\S+)");

  private ValidationErrors() {}

  static ApiException toApiException(ValidatorException e) {
    List<FieldError> errors = new ArrayList<>();
    String parameter = parameterName(e.getMessage());
    if (e instanceof SchemaValidationException schemaError && schemaError.getOutputUnit() != null) {
      Map<String, FieldError> byField = new LinkedHashMap<>();
      collect(schemaError.getOutputUnit(), parameter, byField);
      errors.addAll(byField.values());
    }
    if (errors.isEmpty()) {
      errors.add(new FieldError(parameter != null ? parameter : "body", readable(e.getMessage())));
    }
    String detail = errors.size() == 1
        ? errors.get(0).field() + ": " + errors.get(0).message()
        : errors.size() + " fields are invalid: " + String.join(", ", errors.stream().map(FieldError::field).toList());
    return ApiException.badRequest(detail, errors);
  }

  private static void collect(OutputUnit unit, String parameter, Map<String, FieldError> byField) {
    List<OutputUnit> children = unit.getErrors();
    if (children != null && !children.isEmpty()) {
      children.forEach(child -> collect(child, parameter, byField));
      return;
    }
    if (unit.getError() == null || isAggregate(unit.getError())) {
      return;
    }
    String field = fieldName(unit, parameter);
    byField.putIfAbsent(field, new FieldError(field, readable(unit.getError())));
  }

  private static String fieldName(OutputUnit unit, String parameter) {
    String base = pointerToPath(unit.getInstanceLocation());
    String error = unit.getError();
    for (Pattern named : List.of(REQUIRED, ADDITIONAL)) {
      Matcher m = named.matcher(error);
      if (m.find()) {
        return base.isEmpty() ? m.group(1) : base + "." + m.group(1);
      }
    }
    if (parameter != null) {
      return base.isEmpty() ? parameter : parameter + "." + base;
    }
    return base.isEmpty() ? "body" : base;
  }

  /** {@code #/goals/0/text} → {@code goals[0].text}. */
  static String pointerToPath(String pointer) {
    if (pointer == null) {
      return "";
    }
    String p = pointer.startsWith("#") ? pointer.substring(1) : pointer;
    StringBuilder out = new StringBuilder();
    for (String token : p.split("/")) {
      if (token.isEmpty()) {
        continue;
      }
      String name = token.replace("~1", "/").replace("~0", "~");
      if (name.chars().allMatch(Character::isDigit)) {
        out.append('[').append(name).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(name);
      }
    }
    return out.toString();
  }

  private static boolean isAggregate(String error) {
    return error.startsWith("A subschema had errors") || error.startsWith("Instance does not match any")
        || error.contains("did not match schema") && error.contains("subschema");
  }

  private static String parameterName(String message) {
    if (message == null) {
      return null;
    }
    Matcher m = PARAMETER.matcher(message);
    return m.find() ? m.group(1).replaceAll("[.:,]$", "") : null;
  }

  private static String readable(String message) {
    return message == null ? "is invalid" : message;
  }
}
