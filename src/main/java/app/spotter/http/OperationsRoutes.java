package app.spotter.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;

/** What operators and tooling use: health, metrics and the contract itself. */
public final class OperationsRoutes implements ApiRoutes {
  private final Pool pool;
  private final Redis redis;
  private final PrometheusMeterRegistry registry;
  private final Buffer contractYaml;

  public OperationsRoutes(Pool pool, Redis redis, PrometheusMeterRegistry registry, Buffer contractYaml) {
    this.pool = pool;
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

  /** Routes outside {@code /api/v1}: added to the router the contract built. */
  public void mountOutsideApi(Vertx vertx, Router router) {
    router.get("/health/live").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("status", "UP").encode()));
    HealthChecks ready = HealthChecks.create(vertx)
        .register("postgres", 2_000, promise -> pool.query("SELECT 1").execute()
            .onSuccess(rows -> promise.complete(Status.OK()))
            .onFailure(e -> promise.complete(Status.KO())))
        .register("redis", 2_000, promise -> redis.send(Request.cmd(Command.PING))
            .onSuccess(pong -> promise.complete(Status.OK()))
            .onFailure(e -> promise.complete(Status.KO())));
    router.get("/health/ready").handler(HealthCheckHandler.createWithHealthChecks(ready));
    router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
  }
}
