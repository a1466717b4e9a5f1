package app.spotter.http;

import app.spotter.api.ApiException;
import app.spotter.api.FieldError;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.JsonSchemaValidationException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import io.vertx.openapi.validation.impl.ValidatableRequestImpl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a request against its operation in the contract, on the event loop when its body is small.
 * The router builder's own step sends every request through {@code executeBlocking}: two thread hops,
 * one request at a time per event loop, for checks of a few microseconds (docs/performance.md,
 * "HTTP"). A large body still goes to a worker, so its checks cannot hold up the event loop's other
 * requests and sockets. The checks are Vert.x's own (its validator's, which has no synchronous
 * public API), with one difference: parameters are read as the request carries them. Vert.x's
 * extractor decodes query values a second time ({@code ?q=x%25} fails) and reads a string parameter
 * that looks like JSON as JSON ({@code ?q=[1]} is "an array"); here a query value is decoded once, a
 * header not at all, and a string parameter is checked as the string it is. Before the checks, text
 * that cannot be stored is refused ({@link TextChecks}) and date-times with offsets beyond Java's
 * ±18:00 are rewritten in UTC ({@link WideOffsets}), for the checks and the handlers alike.
 */
final class RequestValidation implements Handler<RoutingContext> {
  /** Bodies up to this size are checked on the event loop: a trainee is about 1 KB. */
  private static final int INLINE_BODY_BYTES = 16_384;
  private final RequestValidatorImpl checks;
  private final SchemaRepository schemas;
  private final Operation operation;
  private final JsonObject bodySchema;

  RequestValidation(RequestValidatorImpl checks, SchemaRepository schemas, Operation operation) {
    this.checks = checks;
    this.schemas = schemas;
    this.operation = operation;
    MediaType json = operation.getRequestBody() == null ? null
        : operation.getRequestBody().getContent().get("application/json");
    this.bodySchema = json == null ? null : json.getOpenAPIModel().getJsonObject("schema");
  }

  @Override
  public void handle(RoutingContext ctx) {
    // A check that throws fails the future; FailureHandler answers a ValidatorException or ApiException 400.
    Future<Void> checked = ctx.body().length() <= INLINE_BODY_BYTES
        ? Future.<Void>succeededFuture().map(v -> check(ctx))
        : ctx.vertx().executeBlocking(() -> check(ctx), false);
    checked.onSuccess(valid -> ctx.next()).onFailure(ctx::fail);
  }

  private Void check(RoutingContext ctx) {
    Map<String, String> values = new LinkedHashMap<>();
    operation.getParameters().forEach(parameter -> values.put(parameter.getName(), value(ctx, parameter)));
    Buffer body = ctx.body().buffer();
    Object json = json(body);
    List<FieldError> textErrors = TextChecks.check(values, bodySchema, json);
    if (!textErrors.isEmpty()) {
      throw ApiException.badRequest(ValidationErrors.summary(textErrors), textErrors);
    }
    if (json instanceof JsonObject object && withWideOffsetsInUtc(object)) {
      body = object.toBuffer();
      ctx.put(Requests.BODY_IN_UTC, object);
    }
    for (Parameter parameter : operation.getParameters()) {
      String value = values.get(parameter.getName());
      if (value != null && parameter.getSchemaType() == SchemaType.STRING) {
        checkText(parameter, value);
      } else {
        checks.validateParameter(parameter, value == null ? null : new RequestParameterImpl(value));
      }
    }
    if (operation.getRequestBody() != null) {
      checks.validateBody(operation.getRequestBody(), new ValidatableRequestImpl(Map.of(), Map.of(), Map.of(),
          Map.of(), new RequestParameterImpl(body), ctx.request().getHeader("Content-Type")));
    }
    return null;
  }

  /** Rewrites the body's date-times whose offset Java cannot hold (see {@link WideOffsets}); true if any was. */
  private boolean withWideOffsetsInUtc(JsonObject body) {
    boolean[] rewritten = {false};
    BodyStrings.walk(bodySchema, body, (schema, value, path) -> {
      String kept = schema != null && "date-time".equals(schema.getString("format")) ? WideOffsets.inUtc(value) : value;
      rewritten[0] |= kept != value;
      return kept;
    });
    return rewritten[0];
  }

  /**
   * The parameter as the request carries it: path and query values decoded once (by Vert.x), headers
   * as sent. A query date-time whose offset Java cannot hold is rewritten in UTC for the handler too.
   */
  private static String value(RoutingContext ctx, Parameter parameter) {
    return switch (parameter.getIn()) {
      case PATH -> ctx.pathParam(parameter.getName());
      case QUERY -> {
        String value = ctx.queryParams().get(parameter.getName());
        boolean dateTime = "date-time".equals(
            parameter.getOpenAPIModel().getJsonObject("schema", new JsonObject()).getString("format"));
        String inUtc = value != null && dateTime ? WideOffsets.inUtc(value) : value;
        if (inUtc != value) {
          ctx.queryParams().set(parameter.getName(), inUtc);
        }
        yield inUtc;
      }
      case HEADER -> ctx.request().getHeader(parameter.getName());
      case COOKIE -> {
        Cookie cookie = ctx.request().getCookie(parameter.getName());
        yield cookie == null ? null : cookie.getValue();
      }
    };
  }

  /** What Vert.x's validateParameter does for a string, without first reading the text as JSON. */
  private void checkText(Parameter parameter, String value) {
    OutputUnit result = schemas.validator(parameter.getSchema()).validate(value);
    try {
      result.checkValidity();
    } catch (JsonSchemaValidationException e) {
      throw SchemaValidationException.createErrorFromOutputUnitType(parameter, result, e);
    }
  }

  private static Object json(Buffer body) {
    try {
      return body == null || body.length() == 0 ? null : Json.decodeValue(body);
    } catch (DecodeException e) {
      return null; // the validator names it
    }
  }
}
