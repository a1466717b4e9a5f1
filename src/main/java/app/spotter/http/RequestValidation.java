package app.spotter.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import java.util.Map;

/**
 * Checks a request against its operation in the contract, on the event loop. The router builder's
 * own step does the same checks through {@code executeBlocking}: two thread hops per request, each
 * queued behind the event loop's other requests, for checks of a few microseconds
 * (docs/performance.md, "HTTP"). The checks are Vert.x's (its validator's parameter and body
 * checks); a failure is answered as the builder's step answers it, 400 with the validator's error.
 */
final class RequestValidation implements Handler<RoutingContext> {
  private static final RequestExtractor EXTRACTOR = RequestExtractor.withBodyHandler();
  private final RequestValidatorImpl checks;
  private final Operation operation;

  RequestValidation(RequestValidatorImpl checks, Operation operation) {
    this.checks = checks;
    this.operation = operation;
  }

  @Override
  public void handle(RoutingContext ctx) {
    EXTRACTOR.extractValidatableRequest(ctx, operation).onComplete(extracted -> {
      if (extracted.failed()) {
        ctx.fail(extracted.cause());
        return;
      }
      try {
        check(extracted.result());
      } catch (ValidatorException invalid) {
        ctx.fail(new HttpException(400, invalid.getMessage(), invalid));
        return;
      }
      ctx.next();
    });
  }

  private void check(ValidatableRequest request) {
    for (Parameter parameter : operation.getParameters()) {
      Map<String, RequestParameter> values = switch (parameter.getIn()) {
        case COOKIE -> request.getCookies();
        case HEADER -> request.getHeaders();
        case PATH -> request.getPathParameters();
        case QUERY -> request.getQuery();
      };
      checks.validateParameter(parameter, values.get(parameter.getName()));
    }
    checks.validateBody(operation.getRequestBody(), request);
  }
}
