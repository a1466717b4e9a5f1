package app.spotter.load;

import app.spotter.load.connections.ConnectionsRun;
import app.spotter.load.connections.SocketBudget;
import app.spotter.load.floor.Floors;
import app.spotter.load.http.HttpRun;
import app.spotter.load.live.FanoutRun;
import app.spotter.load.metrics.Counters;
import app.spotter.load.metrics.Latencies;
import app.spotter.load.report.Report;
import app.spotter.load.setup.Fleet;
import app.spotter.load.setup.FleetSetup;
import app.spotter.load.setup.RestClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * One run: the target (a URL, or a Spotter started here), the scenario, the floors, the report.
 * A server started here is stopped at the end by its PID, whatever happened.
 */
final class LoadRun {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private final Options options;
  private final String commandLine;
  private final Optional<Path> ownJar;
  private final Instant started = Instant.now();
  private final String base;

  LoadRun(Options options, String commandLine, Optional<Path> ownJar) {
    this.options = options;
    this.commandLine = commandLine;
    this.ownJar = ownJar;
    this.base = options.scenario() + "-" + STAMP.format(started);
  }

  /** True when the run passed. */
  boolean execute() throws Exception {
    Vertx vertx = Vertx.vertx();
    ServerProcess server = null;
    try {
      URI target = options.url();
      Optional<URI> database = options.databaseUrl();
      if (options.startServer()) {
        System.out.println("starting " + options.serverJar() + " (embedded Postgres and Redis, temporary data directory)");
        server = ServerProcess.start(options.serverJar(), options.serverJavaOpts(), List.of(), options.serverEnv(),
            options.resultsDir().resolve(base + "-server.log"), "/health/ready", true);
        target = server.url();
        database = database.or(server::embeddedDatabaseUrl);
        System.out.println("server pid " + server.pid() + " on " + target);
      }
      JsonObject result = new JsonObject().put("scenario", options.scenario())
          .put("startedAt", DateTimeFormatter.ISO_INSTANT.format(started)).put("machine", Machine.describe())
          .put("target", server == null ? target.toString() : "started " + options.serverJar() + " (pid " + server.pid()
              + (options.serverJavaOpts().isBlank() ? "" : ", " + options.serverJavaOpts())
              + (options.serverEnv().isEmpty() ? "" : ", " + options.serverEnv()) + ") on " + target)
          .put("command", commandLine).put("options", new JsonObject(new java.util.LinkedHashMap<String, Object>(options.given())));
      Latencies latencies = new Latencies();
      boolean passed = true;
      Target on = server != null ? new Target(target, server.pid(), server.helperPids())
          : new Target(target, options.serverPid().orElse(-1), List.of());
      switch (options.scenario()) {
        case "fanout" -> {
          FanoutRun fanout = fanout(vertx, on, result);
          latencies = fanout.latencies();
          passed = result.getBoolean("passed");
        }
        case "connections" -> {
          SocketBudget budget = SocketBudget.of(options.sockets(), on.serverPid());
          if (budget.note() != null) {
            System.out.println(budget.note());
          }
          SetUp setUp = setUp(vertx, target, ConnectionsRun.sessionsFor(budget.sockets(), options), 1, 0);
          ConnectionsRun run = new ConnectionsRun(vertx, options, on);
          result.mergeIn(run.run(setUp.fleet(), budget));
          result.getJsonObject("setup").put("restSeconds", setUp.restSeconds());
          latencies = run.latencies();
          passed = result.getBoolean("passed");
        }
        case "http" -> {
          SetUp setUp = setUp(vertx, target, options.sessions(), 0, 0);
          HttpRun run = new HttpRun(vertx, options, on, ownJar, database,
              options.resultsDir().resolve(base + "-read-server.log"));
          result.mergeIn(run.run(setUp.fleet()));
          result.getJsonObject("setup").put("restSeconds", setUp.restSeconds());
          latencies = run.chart();
          passed = result.getBoolean("passed");
        }
        default -> { }
      }
      if (options.scenario().equals("floors") || options.scenario().equals("fanout") && options.floors()) {
        Counters floorCounters = new Counters();
        result.put("floors", Floors.run(vertx, options, ownJar, database, options.resultsDir(), base, latencies,
            floorCounters, on::cpu));
        JsonObject floorErrors = floorCounters.withPrefix("error:");
        floorErrors.forEach(e -> result.getJsonObject("errors", new JsonObject()).put(e.getKey(), e.getValue()));
        passed &= floorErrors.stream().allMatch(e -> ((Number) e.getValue()).longValue() == 0);
      }
      result.put("passed", passed);
      String markdown = Report.write(options.resultsDir(), base, result, latencies.all());
      System.out.println();
      System.out.println(markdown);
      System.out.println("results: " + options.resultsDir().resolve(base + ".{json,md,svg}"));
      return passed;
    } finally {
      if (server != null) {
        System.out.println("stopping the server (pid " + server.pid() + ")");
        server.close();
      }
      vertx.close().await();
    }
  }

  private record SetUp(Fleet fleet, double restSeconds) {}

  /** The fleet, made through the REST API, and how long that took. */
  private SetUp setUp(Vertx vertx, URI target, int sessions, int displaysPerSession, int trainerDisplays) {
    int trainers = (sessions + options.sessionsPerTrainer() - 1) / options.sessionsPerTrainer();
    System.out.printf("setting up %d sessions (%d trainers) through %s%n", sessions, trainers, target);
    long t0 = System.nanoTime();
    Fleet fleet;
    try (RestClient rest = new RestClient(vertx, target)) {
      fleet = new FleetSetup(rest).create(sessions, options.sessionsPerTrainer(), displaysPerSession, trainerDisplays)
          .await();
    }
    double restSeconds = Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
    System.out.printf("setup done in %.1f s%n", restSeconds);
    return new SetUp(fleet, restSeconds);
  }

  private FanoutRun fanout(Vertx vertx, Target target, JsonObject result) {
    SetUp setUp = setUp(vertx, target.url(), options.sessions(), options.displaysPerSession(), options.trainerDisplays());
    Fleet fleet = setUp.fleet();
    System.out.printf("connecting %d sockets%n", fleet.sockets());
    FanoutRun run = new FanoutRun(vertx, options, target);
    JsonObject fanout = run.run(fleet);
    fanout.getJsonObject("setup").put("restSeconds", setUp.restSeconds());
    run.close();
    result.mergeIn(fanout);
    return run;
  }
}
