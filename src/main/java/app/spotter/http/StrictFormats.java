package app.spotter.http;

import app.spotter.api.ApiException;
import app.spotter.api.FieldError;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The validator's {@code uuid} and {@code date-time} formats are looser than Java's parsers (it
 * takes {@code urn:uuid:…} and times without an offset), so a value it lets through could still
 * fail deep inside a service. This runs after it, on the same schema, and answers 400 naming each
 * such field — so services can parse ids and times without a second line of defence.
 */
final class StrictFormats implements Handler<RoutingContext> {
  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private final Operation operation;

  StrictFormats(Operation operation) {
    this.operation = operation;
  }

  @Override
  public void handle(RoutingContext ctx) {
    List<FieldError> errors = new ArrayList<>();
    for (Parameter parameter : operation.getParameters()) {
      if (parameter.getIn() == Location.QUERY) {
        String value = ctx.queryParams().get(parameter.getName());
        JsonObject schema = parameter.getOpenAPIModel().getJsonObject("schema", new JsonObject());
        check(schema.getString("format"), value, parameter.getName(), errors);
      }
    }
    if (operation.getRequestBody() != null && ctx.body() != null && ctx.body().length() > 0) {
      MediaType media = operation.getRequestBody().getContent().get("application/json");
      if (media != null) {
        BodyStrings.walk(media.getOpenAPIModel().getJsonObject("schema"), Requests.body(ctx), (schema, value, path) -> {
          check(schema == null ? null : schema.getString("format"), value, path, errors);
          return value;
        });
      }
    }
    if (errors.isEmpty()) {
      ctx.next();
    } else {
      ctx.fail(ApiException.badRequest(ValidationErrors.summary(errors), errors));
    }
  }

  private static void check(String format, String value, String field, List<FieldError> errors) {
    if (format == null || value == null) {
      return;
    }
    try {
      switch (format) {
        case "uuid" -> {
          if (!UUID_TEXT.matcher(value).matches()) {
            throw new IllegalArgumentException();
          }
          UUID.fromString(value);
        }
        case "date-time" -> OffsetDateTime.parse(value);
        case "date" -> LocalDate.parse(value);
        default -> { }
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      errors.add(new FieldError(field, switch (format) {
        case "uuid" -> "must be a UUID like 5d1c7a52-8e0b-4d6e-a7d1-2c0f6f0b7c3e";
        case "date-time" -> "must be a date-time with an offset, like 2026-11-25T10:00:00Z";
        default -> "must be a date like 2026-11-25";
      }));
    }
  }
}
