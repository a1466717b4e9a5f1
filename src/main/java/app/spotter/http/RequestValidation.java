package app.spotter.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import java.util.Map;

/**
 * Checks a request against its operation in the contract, on the event loop when its body is small.
 * The router builder's own step sends every request through {@code executeBlocking}: two thread hops,
 * one request at a time per event loop, for checks of a few microseconds (docs/performance.md,
 * "HTTP"). A large body still goes to a worker, so its checks cannot hold up the event loop's other
 * requests and sockets. The checks are Vert.x's own (its validator's, which has no synchronous
 * public API): {@link #check} is its {@code validate(ValidatableRequest, String)}, to compare again
 * on every Vert.x upgrade.
 */
final class RequestValidation implements Handler<RoutingContext> {
  /** Bodies up to this size are checked on the event loop: a trainee is about 1 KB. */
  private static final int INLINE_BODY_BYTES = 16_384;
  private static final RequestExtractor EXTRACTOR = RequestExtractor.withBodyHandler();
  private final RequestValidatorImpl checks;
  private final Operation operation;

  RequestValidation(RequestValidatorImpl checks, Operation operation) {
    this.checks = checks;
    this.operation = operation;
  }

  @Override
  public void handle(RoutingContext ctx) {
    // A check that throws fails the composed future; FailureHandler answers a ValidatorException 400.
    EXTRACTOR.extractValidatableRequest(ctx, operation)
        .compose(request -> ctx.body().length() <= INLINE_BODY_BYTES ? Future.succeededFuture(check(request))
            : ctx.vertx().executeBlocking(() -> check(request), false))
        .onSuccess(valid -> ctx.next())
        .onFailure(ctx::fail);
  }

  private Void check(ValidatableRequest request) {
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
    return null;
  }
}
