package app.spotter;

import app.spotter.config.SpotterConfig;
import app.spotter.http.ApiRouter;
import app.spotter.http.ApiRoutes;
import app.spotter.http.ContractFile;
import app.spotter.http.HttpVerticle;
import app.spotter.http.OperationsRoutes;
import app.spotter.http.ValidatorCachingContract;
import app.spotter.http.WebClientRoutes;
import app.spotter.infra.Clients;
import app.spotter.infra.DatabaseHealth;
import app.spotter.infra.EmbeddedServers;
import app.spotter.infra.JwtSecretStore;
import app.spotter.infra.Migrations;
import app.spotter.live.LiveEngine;
import app.spotter.webhook.DeliveryWorker;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: configuration → (embedded servers) → migrations → clients → HTTP verticles →
 * webhook delivery.
 * {@link #start} fails as a whole if any step fails; {@link #stop} undoes them in reverse.
 */
public final class Spotter {
  private static final Logger LOG = LoggerFactory.getLogger(Spotter.class);
  public static final String CONTRACT_PATH = "spotter/openapi.yaml";

  private final Vertx vertx;
  private final EmbeddedServers embedded = new EmbeddedServers();
  private SpotterConfig config;
  private Pool pool;
  /** The live engine's batched statements (Clients.batches). */
  private Pool batchPool;
  private Redis redis;
  private String deploymentId;
  private String webhookWorkerId;
  private LiveEngine live;

  private Spotter(Vertx vertx, SpotterConfig config) {
    this.vertx = vertx;
    this.config = config;
  }

  public static Future<Spotter> start(Vertx vertx, SpotterConfig config, PrometheusMeterRegistry registry) {
    Spotter spotter = new Spotter(vertx, config);
    return spotter.run(registry).map(spotter).recover(e -> spotter.stop().transform(x -> Future.failedFuture(e)));
  }

  private Future<Void> run(PrometheusMeterRegistry registry) {
    long started = System.nanoTime();
    return vertx.executeBlocking(this::prepareBlocking, false)
        .compose(v -> {
          pool = Clients.postgres(vertx, config.databaseUrl().orElseThrow(), config.databasePoolSize());
          batchPool = Clients.batches(vertx, config.databaseUrl().orElseThrow());
          redis = Clients.redis(vertx, config.redisUrl().orElseThrow());
          return Future.all(new DatabaseHealth(pool).ping(), redis.send(Request.cmd(Command.PING)));
        })
        .compose(v -> Future.all(ContractFile.load(vertx, CONTRACT_PATH), vertx.fileSystem().readFile(CONTRACT_PATH)))
        .compose(loaded -> {
          OpenAPIContract contract = new ValidatorCachingContract(loaded.resultAt(0));
          Buffer yaml = loaded.resultAt(1);
          Services services = new Services(vertx, config, pool, batchPool, redis, contract, registry);
          live = services.live;
          return live.start().compose(running -> serve(services, contract, yaml, registry));
        })
        .onSuccess(id -> {
          webhookWorkerId = id;
          LOG.info("Spotter listening on port {} (started in {} ms, {} transport)", config.port(),
              (System.nanoTime() - started) / 1_000_000, vertx.isNativeTransportEnabled() ? "epoll" : "NIO");
        })
        .mapEmpty();
  }

  /** The HTTP verticles (API, live socket, web client) and the webhook worker, once the live engine runs. */
  private Future<String> serve(Services services, OpenAPIContract contract, Buffer yaml,
      PrometheusMeterRegistry registry) {
    Optional<DeliveryWorker> webhookWorker = services.webhooks.worker();
    OperationsRoutes operations = new OperationsRoutes(new DatabaseHealth(pool), redis, registry, yaml);
    List<ApiRoutes> features = new ArrayList<>(services.routes);
    features.add(operations);
    return vertx.deployVerticle(() -> new HttpVerticle(config.port(), config.httpTimeouts(), v -> {
      Router router = ApiRouter.create(v, contract, services.guard, features, config.trustProxy());
      operations.mountOutsideApi(v, router);
      // The live socket sits under the API's path but outside the contract (docs/protocol.md).
      router.get("/api/v1/live").order(-1).handler(live::accept);
      WebClientRoutes.mount(router);
      return Future.succeededFuture(router);
    }), new DeploymentOptions().setInstances(config.httpInstances()))
        .compose(id -> {
          deploymentId = id;
          return webhookWorker.map(vertx::deployVerticle).orElse(Future.succeededFuture());
        });
  }

  /** Embedded servers, the JWT secret and migrations: all blocking, all once. */
  private Void prepareBlocking() {
    if (config.embeddedDatabase() || config.embeddedRedis()) {
      var database = config.databaseUrl().orElseGet(() -> embedded.startPostgres(config.dataDir(), true));
      var redisUrl = config.redisUrl().orElseGet(() -> embedded.startRedis(config.dataDir()));
      config = config.withServers(database, redisUrl);
    }
    if (config.jwtSecret().isEmpty()) {
      config = config.withJwtSecret(JwtSecretStore.loadOrCreate(config.dataDir()));
    }
    var result = Migrations.migrate(config.databaseUrl().orElseThrow());
    // Flyway reports no target version when there was nothing to apply: then the schema is where it was.
    String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    LOG.info("database schema at version {} ({} migrations applied)", version, result.migrationsExecuted);
    return null;
  }

  public SpotterConfig config() {
    return config;
  }

  /** Graceful: HTTP servers drain, then clients close, then embedded servers stop. */
  public Future<Void> stop() {
    if (live != null) {
      live.stop();
    }
    // The webhook worker first: it hands back the deliveries it holds while Postgres is still there.
    Future<Void> webhooks = webhookWorkerId == null ? Future.succeededFuture() : vertx.undeploy(webhookWorkerId);
    return webhooks
        .transform(x -> deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId))
        .transform(x -> pool == null ? Future.succeededFuture() : pool.close())
        .transform(x -> batchPool == null ? Future.succeededFuture() : batchPool.close())
        .transform(x -> {
          if (redis != null) {
            redis.close();
          }
          return vertx.executeBlocking(() -> {
            embedded.close();
            return null;
          });
        })
        .mapEmpty();
  }
}
