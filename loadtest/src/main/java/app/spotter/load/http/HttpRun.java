package app.spotter.load.http;

import app.spotter.load.ClosedLoop;
import app.spotter.load.OpenLoop;
import app.spotter.load.Options;
import app.spotter.load.Target;
import app.spotter.load.Timing;
import app.spotter.load.floor.FloorWarmup;
import app.spotter.load.floor.ReadFloor;
import app.spotter.load.metrics.Latencies;
import app.spotter.load.setup.Fleet;
import app.spotter.load.setup.RestClient;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;

/**
 * A realistic REST mix at fixed arrival rates (open model, latency from the intended send time),
 * rate after rate, to find the highest rate whose p99 stays under the target; then throughput at a
 * fixed concurrency (closed model) of {@code GET /trainees/{id}} against the same read on a bare
 * Vert.x + Postgres server.
 */
public final class HttpRun {
  /** Each sender of the open model fires at most every 20 ms, well above the timers' resolution. */
  private static final double PER_SENDER_PER_SECOND = 50;
  static final String CLOSED_SPOTTER = "closed: GET /api/v1/trainees/{id}";
  /**
   * Before the first rate, the server's JIT compiler gets the mix at a modest rate: otherwise the
   * first rate measures compilation, and a search that doubles from it stops there.
   */
  private static final int JIT_WARMUP_RATE = 200;
  private static final Duration JIT_WARMUP = Duration.ofSeconds(20);
  /** Spotter's single-trainee read should reach at least this share of the bare read's throughput. */
  private static final double THROUGHPUT_TARGET = 0.5;
  private final Vertx vertx;
  private final Options options;
  private final Target target;
  private final Optional<Path> ownJar;
  private final Optional<URI> database;
  private final Path bareLog;
  private final List<Context> contexts;
  private final Latencies chart = new Latencies();

  /** One rate's result, and its latencies of all kinds together for the chart. */
  private record Measured(JsonObject json, Histogram all) {}

  public HttpRun(Vertx vertx, Options options, Target target, Optional<Path> ownJar, Optional<URI> database,
      Path bareLog) {
    this.vertx = vertx;
    this.options = options;
    this.target = target;
    this.ownJar = ownJar;
    this.database = database;
    this.bareLog = bareLog;
    this.contexts = Timing.eventLoops(vertx);
  }

  /** p99 of every rate (and the closed loops), for the chart. */
  public Latencies chart() {
    return chart;
  }

  public JsonObject run(Fleet fleet) throws Exception {
    long t0 = System.nanoTime();
    List<TrainerRoster> rosters;
    try (RestClient rest = new RestClient(vertx, target.url())) {
      rosters = new HttpFixture(rest).create(fleet).await();
    }
    double fixtureSeconds = Math.round((System.nanoTime() - t0) / 1e8) / 10.0;
    System.out.printf("profiles, %d records per trainee and measured trainees made in %.1f s%n",
        HttpFixture.HISTORY_RECORDS, fixtureSeconds);
    WebClient client = RestClient.webClient(vertx, target.url(), 128);
    RestMix mix = new RestMix(client, rosters);
    System.out.printf("warming the server up: the mix at %d/s for %d s (not measured)%n", JIT_WARMUP_RATE,
        JIT_WARMUP.toSeconds());
    JsonObject warmUp = step(mix, JIT_WARMUP_RATE, Duration.ZERO, JIT_WARMUP).json();
    RateSteps rates = new RateSteps(options.rates());
    JsonArray steps = new JsonArray();
    JsonObject errors = new JsonObject();
    for (OptionalInt next = rates.next(); next.isPresent(); next = rates.next()) {
      int rate = next.getAsInt();
      System.out.printf("rate %d/s: %d s warm-up, %d s measured%n", rate, options.warmup().toSeconds(),
          options.stepDuration().toSeconds());
      Measured measured = step(mix, rate, options.warmup(), options.stepDuration());
      JsonObject step = measured.json();
      System.out.printf(Locale.ROOT, "rate %d/s: p99 %.1f ms, %d errors: %s%n", rate,
          step.getJsonObject("latencyMicros").getJsonObject(RestMix.ALL).getLong("p99", 0L) / 1000.0,
          step.getJsonObject("errors").stream().mapToLong(e -> ((Number) e.getValue()).longValue()).sum(),
          step.getBoolean("passed") ? "passed" : "failed");
      chart.add(rate + "/s", measured.all());
      rates.record(rate, step.getBoolean("passed"));
      steps.add(step);
      step.getJsonObject("errors").forEach(e -> errors.put(rate + "/s " + e.getKey(), e.getValue()));
    }
    OptionalInt best = rates.highestPassing();
    client.close();
    JsonObject throughput = options.floors() ? throughput(rosters) : new JsonObject().put("skipped", "--no-floors");
    Double ratio = throughput.getDouble("ratio");
    long closedErrors = throughput.getJsonObject("spotter", new JsonObject()).getLong("errors", 0L)
        + throughput.getJsonObject("bare", new JsonObject()).getLong("errors", 0L);
    if (closedErrors > 0) {
      errors.put("closed loops", closedErrors);
    }
    return new JsonObject()
        .put("setup", new JsonObject().put("trainers", rosters.size()).put("trainees", fleet.sessions().size())
            .put("historyRecordsPerTrainee", HttpFixture.HISTORY_RECORDS)
            .put("weighedTraineesPerTrainer", HttpFixture.WEIGHED_PER_TRAINER).put("fixtureSeconds", fixtureSeconds))
        .put("load", new JsonObject().put("mix", mixShares()).put("warmupSeconds", options.warmup().toSeconds())
            .put("stepSeconds", options.stepDuration().toSeconds()).put("p99TargetMs", options.p99Target().toMillis())
            .put("jitWarmUp", new JsonObject().put("rate", JIT_WARMUP_RATE).put("seconds", JIT_WARMUP.toSeconds())
                .put("errors", warmUp.getJsonObject("errors"))))
        .put("steps", steps)
        .put("highestPassingRate", best.isPresent() ? best.getAsInt() : null)
        .put("throughput", throughput)
        .put("errors", errors)
        .put("passed", best.isPresent() && (ratio == null || ratio >= THROUGHPUT_TARGET));
  }

  /** One rate: warm-up, then the measured window, then waiting for the last answers. */
  private Measured step(RestMix mix, int rate, Duration warmup, Duration window) {
    RestMix.Step step = new RestMix.Step((int) window.toSeconds());
    int senders = Math.max(contexts.size(), (int) Math.ceil(rate / PER_SENDER_PER_SECOND));
    List<Random> randoms = IntStream.range(0, senders).mapToObj(i -> new Random(options.seed() * 7919 + rate * 31L + i))
        .toList();
    OpenLoop.Schedule schedule = OpenLoop.Schedule.of(warmup, window);
    Future<Void> load = OpenLoop.atRate(schedule, contexts, rate, senders, options.seed() + rate,
        (sender, intended, measured) -> mix.send(randoms.get(sender), intended, measured, step));
    JsonObject cpu = step.timeline().watch(load, schedule.measureFromNanos(), target::cpu);
    Timing.waitUntil(() -> step.inFlight().get() == 0, options.drain());
    JsonObject errors = step.counters().errors();
    if (step.inFlight().get() > 0) {
      errors.put("unanswered", step.inFlight().get());
    }
    Histogram histogram = step.latencies().get(RestMix.ALL);
    JsonObject all = Latencies.summary(histogram);
    boolean passed = errors.isEmpty() && all.getLong("count") > 0
        && all.getLong("p99") < options.p99Target().toNanos() / 1000;
    JsonObject meanBytes = new JsonObject();
    step.counters().withPrefix("bytes:").forEach(e -> meanBytes.put(e.getKey(),
        ((Number) e.getValue()).longValue() / Math.max(1, step.counters().get("answered:" + e.getKey()))));
    return new Measured(new JsonObject().put("rate", rate).put("passed", passed).put("senders", senders)
        .put("sent", step.counters().get("sent")).put("answeredInWindow", all.getLong("count"))
        .put("latencyMicros", step.latencies().summaries()).put("meanResponseBytes", meanBytes)
        .put("patchWaitsForFreeTrainee", step.counters().get("patch-waited-for-a-free-trainee"))
        .put("errors", errors).put("cpu", cpu).put("worstSeconds", step.timeline().worst(3)), histogram);
  }

  /** The closed loop against Spotter's single-trainee read, then against the bare read server. */
  private JsonObject throughput(List<TrainerRoster> rosters) throws Exception {
    JsonObject out = new JsonObject().put("concurrency", options.concurrency()).put("target", THROUGHPUT_TARGET);
    System.out.printf("closed loop: %d connections, GET /api/v1/trainees/{id} for %d s%n", options.concurrency(),
        options.floorDuration().toSeconds());
    WebClient client = RestClient.webClient(vertx, target.url(), options.concurrency());
    Latencies closed = new Latencies();
    out.put("spotter", ClosedLoop.run(contexts, options.concurrency(), FloorWarmup.of(options), options.floorDuration(), () -> {
      TrainerRoster r = rosters.get(ThreadLocalRandom.current().nextInt(rosters.size()));
      return client.get("/api/v1/trainees/" + r.trainees.get(ThreadLocalRandom.current().nextInt(r.trainees.size())))
          .bearerTokenAuthentication(r.token).send();
    }, 200, closed, CLOSED_SPOTTER, target::cpu));
    client.close();
    chart.add(CLOSED_SPOTTER, closed.get(CLOSED_SPOTTER));
    if (ownJar.isEmpty() || database.isEmpty()) {
      return out.put("skipped", ownJar.isEmpty() ? "the generator is not running from its jar"
          : "no --database-url given (automatic only with --start-server)");
    }
    System.out.printf("closed loop: the same against a bare Vert.x + Postgres read server for %d s%n",
        options.floorDuration().toSeconds());
    out.put("bare", ReadFloor.run(vertx, options, ownJar.get(), database.get(), bareLog, target.helperPids(), closed));
    chart.add(ReadFloor.NAME, closed.get(ReadFloor.NAME));
    double spotter = out.getJsonObject("spotter").getLong("requestsPerSecond");
    double bare = out.getJsonObject("bare").getLong("requestsPerSecond");
    return out.put("ratio", bare == 0 ? null : Math.round(spotter / bare * 100) / 100.0);
  }

  private static JsonObject mixShares() {
    JsonObject shares = new JsonObject();
    Arrays.stream(RestMix.Kind.values()).forEach(k -> shares.put(k.label, k.percent));
    return shares;
  }
}
