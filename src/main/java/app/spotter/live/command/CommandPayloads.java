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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks command payloads against their schemas in docs/openapi.yaml (the Live* schemas). A
 * compiled schema answers for the valid ones; an invalid one is validated again by the validator
 * REST bodies use, for the same errors and the same field naming.
 */
final class CommandPayloads {
  private static final Logger LOG = LoggerFactory.getLogger(CommandPayloads.class);
  /** How {@link ValidationErrors} names the validated object itself. */
  private static final String ROOT = "body";
  private final Map<String, Schema> bySchema = new HashMap<>();

  private record Schema(CompiledSchema verdict, Validator errors) {}

  CommandPayloads(OpenAPIContract contract, Iterable<LiveCommand> commands) {
    JsonObject schemas = contract.getRawContract().getJsonObject("components").getJsonObject("schemas");
    for (LiveCommand command : commands) {
      JsonObject schema = schemas.getJsonObject(command.schema());
      if (schema == null) {
        throw new IllegalStateException("docs/openapi.yaml has no schema " + command.schema() + " for " + command.name());
      }
      bySchema.computeIfAbsent(command.schema(), name -> new Schema(CompiledSchema.compile(schemas, name),
          contract.getSchemaRepository().validator(JsonSchema.of(schema))));
    }
  }

  void check(LiveCommand command, Object payload) {
    if (!(payload instanceof JsonObject)) {
      throw CommandRejected.invalidField("payload", "must be an object");
    }
    Schema schema = bySchema.get(command.schema());
    if (schema.verdict().accepts(payload)) {
      rejectUnstorableText(payload);
      return;
    }
    OutputUnit result = schema.errors().validate(payload);
    if (Boolean.FALSE.equals(result.getValid())) {
      List<FieldError> errors = payloadErrors(ValidationErrors.fieldErrors(result, null));
      throw CommandRejected.invalid(ValidationErrors.summary(errors), errors);
    }
    // The validator's verdict stands; CompiledSchemaTest is meant to keep this from happening.
    LOG.warn("{} payload refused by its compiled schema but valid for the validator: {}", command.name(), payload);
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
