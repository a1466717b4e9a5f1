package app.spotter.http;

import app.spotter.api.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.AllowForwardHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the router from the contract: every operation in {@code docs/openapi.yaml} becomes a route
 * with request validation, guarded by the access guard it is given, answered by its feature's handler; an
 * operation no feature handles answers 501 (and a test makes sure none does).
 */
public final class ApiRouter {
  public static final long MAX_BODY_BYTES = 1_048_576;

  private ApiRouter() {}

  public static Router create(Vertx vertx, OpenAPIContract contract, Handler<RoutingContext> guard, List<ApiRoutes> features,
      boolean trustProxy) {
    RouterBuilder builder = RouterBuilder.create(vertx, contract);
    builder.rootHandler(new RequestLog());
    builder.rootHandler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    builder.rootHandler(guard);
    RequestValidatorImpl validator = new RequestValidatorImpl(vertx, contract);
    List<Function<Operation, Handler<RoutingContext>>> checks =
        List.of(operation -> new RequestValidation(validator, contract.getSchemaRepository(), operation),
            StrictFormats::new);
    for (OpenAPIRoute route : builder.getRoutes()) {
      // In place of the builder's own validation step, which runs on a worker thread.
      route.setDoValidation(false);
      checks.forEach(check -> route.addHandler(check.apply(route.getOperation())));
    }
    features.forEach(feature -> feature.mount(builder));
    for (OpenAPIRoute route : builder.getRoutes()) {
      // Authentication and roles are the guard's (auth.AccessGuard reads x-roles); the builder's own security step is off.
      route.setDoSecurity(false);
      if (route.getHandlers().size() == checks.size()) {
        route.addHandler(ctx -> ctx.fail(ApiException.of(501, "Not Implemented",
            route.getOperation().getOperationId() + " is described but not implemented yet")));
      }
    }
    Router api = builder.createRouter();
    Router root = Router.router(vertx);
    if (trustProxy) {
      // Behind nginx: the client's address (for per-IP limits) comes from X-Forwarded-For.
      root.allowForward(AllowForwardHeaders.X_FORWARD);
    }
    String basePath = contract.getServers().get(0).getBasePath();
    root.route().handler(new SecurityHeaders(basePath));
    // The builder routes the contract's paths relative to its server URL, so it is mounted there.
    root.route(basePath + "/*").subRouter(api);
    FailureHandler failures = new FailureHandler();
    MethodNotAllowed methodNotAllowed = new MethodNotAllowed(contract, basePath, failures.forStatus(405));
    for (Router router : List.of(root, api)) {
      router.route().failureHandler(failures);
      for (int status : new int[] {404, 413}) {
        router.errorHandler(status, failures.forStatus(status));
      }
      router.errorHandler(405, methodNotAllowed);
    }
    return root;
  }
}
