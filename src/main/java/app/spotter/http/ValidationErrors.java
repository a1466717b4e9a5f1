package app.spotter.http;

import app.spotter.api.ApiException;
import app.spotter.api.FieldError;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
public final class ValidationErrors {
  private static final Pattern REQUIRED = Pattern.compile("required property \"([^\"]+)\"");
  private static final Pattern SUMMARY_KEYWORD = Pattern.compile("/(properties|items|prefixItems|allOf|anyOf|oneOf|\\$ref|then|else)$");
  private static final Pattern PARAMETER = Pattern.compile("(?:of|required) (?:path|query|header|cookie) parameter (\\S+)");

  private ValidationErrors() {}

  static ApiException toApiException(ValidatorException e) {
    if (e.getMessage() != null && e.getMessage().contains("path parameter")) {
      // Path ids are plain strings; one the validator cannot read names nothing that exists.
      return ApiException.notFound("resource");
    }
    List<FieldError> errors = new ArrayList<>();
    String parameter = parameterName(e.getMessage());
    if (e instanceof SchemaValidationException schemaError && schemaError.getOutputUnit() != null) {
      errors.addAll(fieldErrors(schemaError.getOutputUnit(), parameter));
    }
    if (errors.isEmpty()) {
      errors.add(new FieldError(parameter != null ? parameter : "body", readable(e.getMessage())));
    }
    return ApiException.badRequest(summary(errors), errors);
  }

  /** One error per offending field of a failed validation; {@code parameter} prefixes parameter errors. */
  public static List<FieldError> fieldErrors(OutputUnit result, String parameter) {
    List<OutputUnit> leaves = new ArrayList<>();
    leaves(result, leaves);
    Map<String, FieldError> byField = new LinkedHashMap<>();
    // Specific errors first; a summary ("does not match schema") only names a field nothing else named.
    leaves.stream().filter(u -> !isSummary(u)).forEach(u -> add(u, parameter, byField));
    leaves.stream().filter(ValidationErrors::isSummary).forEach(u -> add(u, parameter, byField));
    return new ArrayList<>(byField.values());
  }

  public static String summary(List<FieldError> errors) {
    return errors.size() == 1
        ? errors.get(0).field() + ": " + errors.get(0).message()
        : errors.size() + " fields are invalid: " + String.join(", ", errors.stream().map(FieldError::field).toList());
  }

  private static void leaves(OutputUnit unit, List<OutputUnit> out) {
    List<OutputUnit> children = unit.getErrors();
    if (children != null && !children.isEmpty()) {
      children.forEach(child -> leaves(child, out));
    } else if (unit.getError() != null) {
      out.add(unit);
    }
  }

  private static void add(OutputUnit unit, String parameter, Map<String, FieldError> byField) {
    String field = fieldName(unit, parameter);
    byField.putIfAbsent(field, new FieldError(field, readable(unit.getError())));
  }

  /**
   * "Property x does not match schema" repeats a nested error; and the validator also flags a
   * property that failed its own schema as an "additional property". Both only summarize.
   */
  private static boolean isSummary(OutputUnit unit) {
    String keyword = unit.getKeywordLocation() == null ? "" : unit.getKeywordLocation();
    return SUMMARY_KEYWORD.matcher(keyword).find() || keyword.endsWith("/additionalProperties");
  }

  private static String fieldName(OutputUnit unit, String parameter) {
    String base = pointerToPath(unit.getInstanceLocation());
    String error = unit.getError();
    Matcher required = REQUIRED.matcher(error);
    if (required.find()) {
      return base.isEmpty() ? required.group(1) : base + "." + required.group(1);
    }
    if (parameter != null) {
      return base.isEmpty() ? parameter : parameter + "." + base;
    }
    return base.isEmpty() ? "body" : base;
  }

  /**
   * {@code #/goals/0/text} → {@code goals[0].text}. The validator writes the pointer as a URI
   * fragment, each token percent-encoded ({@code #/a%20b} for "a b"), with a literal '+'.
   */
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
      String name = percentDecoded(token).replace("~1", "/").replace("~0", "~");
      if (name.chars().allMatch(Character::isDigit)) {
        out.append('[').append(name).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(name);
      }
    }
    return out.toString();
  }

  /** A byte below 0x10 comes out as one hex digit ({@code %A} for a line feed): such a token stays as it is. */
  private static String percentDecoded(String token) {
    try {
      return URLDecoder.decode(token.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return token;
    }
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
