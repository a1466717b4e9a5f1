package app.spotter.live;

import app.spotter.http.FieldError;
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
 * Checks command payloads against their schemas in docs/openapi.yaml (the Live* schemas), with the
 * same validator and the same field naming as REST bodies.
 */
final class CommandPayloads {
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
      List<FieldError> errors = ValidationErrors.fieldErrors(result, null);
      throw CommandRejected.invalid(ValidationErrors.summary(errors), errors);
    }
  }
}
