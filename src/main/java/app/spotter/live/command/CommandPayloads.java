package app.spotter.live.command;

import app.spotter.api.FieldError;
import app.spotter.http.TextChecks;
import app.spotter.http.ValidationErrors;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks command payloads against their schemas in docs/openapi.yaml (the Live* schemas) with the
 * validator REST bodies use, for the same errors and the same field naming. Each schema's validator
 * is built once, at start; a check costs about 40 µs (docs/performance.md).
 */
final class CommandPayloads {
  /** How {@link ValidationErrors} names the validated object itself. */
  private static final String ROOT = "body";
  private final Map<String, Validator> bySchema = new HashMap<>();

  CommandPayloads(OpenAPIContract contract, Iterable<LiveCommand> commands) {
    JsonObject schemas = contract.getRawContract().getJsonObject("components").getJsonObject("schemas");
    for (LiveCommand command : commands) {
      JsonObject schema = schemas.getJsonObject(command.schema());
      if (schema == null) {
        throw new IllegalStateException("docs/openapi.yaml has no schema " + command.schema() + " for " + command.name());
      }
      bySchema.computeIfAbsent(command.schema(), name -> contract.getSchemaRepository().validator(JsonSchema.of(schema)));
    }
  }

  void check(LiveCommand command, Object payload) {
    if (!(payload instanceof JsonObject)) {
      throw CommandRejected.invalidField("payload", "must be an object");
    }
    OutputUnit result = bySchema.get(command.schema()).validate(payload);
    if (Boolean.FALSE.equals(result.getValid())) {
      List<FieldError> errors = payloadErrors(ValidationErrors.fieldErrors(result, null));
      throw CommandRejected.invalid(ValidationErrors.summary(errors), errors);
    }
    rejectUnstorableText(payload);
  }

  /** A NUL or a lone surrogate: Postgres refuses the one and silently changes the other. */
  private static void rejectUnstorableText(Object payload) {
    List<FieldError> errors = TextChecks.unstorable(payload);
    if (!errors.isEmpty()) {
      throw CommandRejected.invalid(ValidationErrors.summary(errors), errors);
    }
  }

  /**
   * The validator names the payload itself "body" (a REST word): here it is "payload", and only when
   * no field is named, since a schema built with allOf also reports "does not match" for the whole.
   */
  private static List<FieldError> payloadErrors(List<FieldError> errors) {
    List<FieldError> fields = errors.stream().filter(e -> !e.field().equals(ROOT)).toList();
    return fields.isEmpty() ? List.of(new FieldError("payload", errors.get(0).message())) : fields;
  }
}
