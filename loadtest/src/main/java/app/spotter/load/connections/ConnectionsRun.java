package app.spotter.load.connections;

import app.spotter.load.OpenLoop;
import app.spotter.load.Options;
import app.spotter.load.Target;
import app.spotter.load.Timing;
import app.spotter.load.metrics.Counters;
import app.spotter.load.metrics.CpuUsage;
import app.spotter.load.metrics.Latencies;
import app.spotter.load.metrics.ServerMemory;
import app.spotter.load.metrics.Timeline;
import app.spotter.load.setup.Fleet;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * Many mostly idle live sockets: ramp subscribed sockets up to a target count at a bounded rate,
 * read the server's memory after a full GC before and after the ramp (bytes per socket), then hold
 * them while pings sample the round trip. Any unexpected close, error or unanswered ping fails the run.
 */
public final class ConnectionsRun {
  /** Classes listed from the server's heap histogram. */
  private static final int HISTOGRAM_ROWS = 25;
  private final Vertx vertx;
  private final Options options;
  private final Target target;
  private final Latencies latencies = new Latencies().declare(HeldSockets.OPEN).declare(PingSampler.PING);
  private final Counters counters = new Counters();
  private final Timeline timeline;

  /** Without the server's PID there are no memory readings and no server CPU figures. */
  public ConnectionsRun(Vertx vertx, Options options, Target target) {
    this.vertx = vertx;
    this.options = options;
    this.target = target;
    this.timeline = new Timeline((int) options.duration().toSeconds());
  }

  public Latencies latencies() {
    return latencies;
  }

  /** Live sessions the setup must create for {@code sockets}. */
  public static int sessionsFor(int sockets, Options options) {
    return (sockets + options.socketsPerSession() - 1) / options.socketsPerSession();
  }

  public JsonObject run(Fleet fleet, SocketBudget budget) {
    JsonObject memory = new JsonObject();
    ServerMemory.Reading before = read(memory, "before");
    HeldSockets held = new HeldSockets(vertx, target.url(), fleet, budget.sockets(), options.socketsPerSession(), counters,
        latencies);
    System.out.printf("ramping %d sockets at %d/s from %s%n", held.count(), options.rampRate(),
        held.localAddresses().isEmpty() ? "the default address" : held.localAddresses());
    long rampStart = System.nanoTime();
    CpuUsage.Sample cpuBefore = target.cpu();
    held.ramp(options.rampRate(), options.rampInFlight(), options.seed()).await();
    // When the server is slower than the ramp, the last openings finish long after they were due: wait while they do.
    for (int last = -1; held.settled() < held.count() && held.settled() != last; ) {
      last = held.settled();
      Timing.waitUntil(() -> held.settled() == held.count(), Duration.ofSeconds(30));
    }
    JsonObject rampCpu = CpuUsage.between(cpuBefore, target.cpu());
    double rampSeconds = (System.nanoTime() - rampStart) / 1e9;
    System.out.printf("%d of %d sockets subscribed in %.1f s (%.0f/s)%n", held.opened(), held.count(), rampSeconds,
        held.opened() / rampSeconds);
    // The last subscriptions' presence messages are still fanning out: let them land before measuring.
    Timing.sleepUntil(System.nanoTime() + 5_000_000_000L);
    ServerMemory.Reading after = read(memory, "after");
    if (before != null && after != null) {
      memory.put("perSocket", perSocket(before, after, held.opened()))
          .put("classHistogramAfter", ServerMemory.top(after.histogram(), HISTOGRAM_ROWS))
          .put("classGrowth", ServerMemory.growth(before.histogram(), after.histogram(), HISTOGRAM_ROWS));
    }

    System.out.printf("holding them for %d s + %d s warm-up, %d pings/s%n", options.duration().toSeconds(),
        options.warmup().toSeconds(), options.pingRate());
    OpenLoop.Schedule schedule = OpenLoop.Schedule.of(options.warmup(), options.duration());
    Future<Void> pings = PingSampler.run(held, schedule, options.pingRate(), options.seed(), latencies, timeline,
        counters);
    JsonObject cpu = timeline.watch(pings, schedule.measureFromNanos(), target::cpu);
    Timing.waitUntil(() -> held.unansweredPings() == 0, options.drain());
    JsonObject result = result(fleet, budget, held, rampSeconds, memory, cpu);
    result.getJsonObject("setup").put("rampCpu", rampCpu);
    held.close();
    return result;
  }

  /** A memory reading into {@code into.<name>}, or why there is none (then null). */
  private ServerMemory.Reading read(JsonObject into, String name) {
    if (target.serverPid() <= 0) {
      into.put("skipped", "the server's PID is unknown: start it here (--start-server) or give --server-pid");
      return null;
    }
    try {
      System.out.println("server memory " + name + " the ramp (jcmd GC.run, GC.heap_info, GC.class_histogram)");
      ServerMemory.Reading reading = new ServerMemory(target.serverPid()).afterGc();
      into.put(name, reading.toJson());
      return reading;
    } catch (Exception e) {
      into.put("skipped", "jcmd on pid " + target.serverPid() + " failed: " + e.getMessage());
      return null;
    }
  }

  private static JsonObject perSocket(ServerMemory.Reading before, ServerMemory.Reading after, int sockets) {
    long n = Math.max(1, sockets);
    return new JsonObject().put("sockets", sockets)
        .put("heapBytes", (after.heapUsedBytes() - before.heapUsedBytes()) / n)
        .put("liveObjectBytes", (after.liveObjectBytes() - before.liveObjectBytes()) / n)
        .put("rssBytes", (after.rssBytes() - before.rssBytes()) / n)
        .put("childrenRssBytes", (after.childrenRssBytes() - before.childrenRssBytes()) / n);
  }

  private JsonObject result(Fleet fleet, SocketBudget budget, HeldSockets held, double rampSeconds, JsonObject memory,
      JsonObject cpu) {
    JsonObject errors = counters.errors();
    long unanswered = held.unansweredPings();
    if (unanswered > 0) {
      errors.put("unanswered-pings", unanswered);
    }
    if (held.opened() < held.count()) {
      errors.put("not-subscribed", held.count() - held.opened());
    }
    JsonObject setup = new JsonObject().put("trainers", fleet.trainers().size()).put("sessions", held.sessions())
        .put("socketsRequested", options.sockets()).put("sockets", held.count()).put("subscribed", held.opened())
        .put("socketsPerSession", options.socketsPerSession()).put("localAddresses", new JsonArray(held.localAddresses()))
        .put("openFileLimit", new JsonObject().put("generator", budget.generatorLimit())
            .put("server", budget.serverLimit() > 0 ? budget.serverLimit() : null))
        .put("rampPerSecond", options.rampRate()).put("rampInFlight", options.rampInFlight())
        .put("rampSeconds", Math.round(rampSeconds * 10) / 10.0)
        .put("achievedPerSecond", Math.round(held.opened() / rampSeconds))
        .put("firstFailures", new JsonArray(held.firstFailures()));
    if (budget.note() != null) {
      setup.put("capped", budget.note());
    }
    return new JsonObject()
        .put("setup", setup)
        .put("memory", memory)
        .put("load", new JsonObject().put("pingsPerSecond", options.pingRate())
            .put("warmupSeconds", options.warmup().toSeconds()).put("durationSeconds", options.duration().toSeconds())
            .put("pingsMeasured", counters.get("pings-measured")).put("pingsInWarmup", counters.get("pings-warmup"))
            .put("unansweredPings", unanswered)
            .put("heartbeatCloses", counters.get("error:socket-closed-4000")))
        .put("latencyMicros", latencies.summaries())
        .put("errors", errors)
        .put("cpu", cpu)
        .put("timeline", timeline.toJson())
        .put("worstSeconds", timeline.worst(5))
        .put("passed", errors.isEmpty());
  }
}
