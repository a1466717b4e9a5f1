package app.spotter.http;

import app.spotter.infra.DatabaseHealth;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;

/** What operators and tooling use: health, metrics and the contract itself. */
public final class OperationsRoutes implements ApiRoutes {
  private final DatabaseHealth database;
  private final Redis redis;
  private final PrometheusMeterRegistry registry;
  private final Buffer contractYaml;

  public OperationsRoutes(DatabaseHealth database, Redis redis, PrometheusMeterRegistry registry, Buffer contractYaml) {
    this.database = database;
    this.redis = redis;
    this.registry = registry;
    this.contractYaml = contractYaml;
  }

  @Override
  public void mount(RouterBuilder builder) {
    builder.getRoute("getOpenApi").addHandler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml")
        .end(contractYaml));
  }

  /** Routes outside {@code /api/v1}, answering GET and HEAD: added to the router the contract built. */
  public void mountOutsideApi(Vertx vertx, Router router) {
    route(router, "/health/live").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("status", "UP").encode()));
    HealthChecks ready = HealthChecks.create(vertx)
        .register("postgres", 2_000, promise -> database.ping()
            .onSuccess(rows -> promise.complete(Status.OK()))
            .onFailure(e -> promise.complete(Status.KO())))
        .register("redis", 2_000, promise -> redis.send(Request.cmd(Command.PING))
            .onSuccess(pong -> promise.complete(Status.OK()))
            .onFailure(e -> promise.complete(Status.KO())));
    route(router, "/health/ready").handler(HealthCheckHandler.createWithHealthChecks(ready));
    route(router, "/metrics").handler(PrometheusScrapingHandler.create(registry));
  }

  /** HEAD too: a probe may ask for the status alone, and a 405 elsewhere names GET and HEAD for all of these. */
  private static Route route(Router router, String path) {
    return router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD);
  }
}
