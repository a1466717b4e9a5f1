package app.spotter.http;

import io.vertx.ext.web.openapi.router.RouterBuilder;

/** A feature's handlers, attached to the contract's operations by operationId. */
public interface ApiRoutes {
  void mount(RouterBuilder builder);
}
