package app.spotter.load.live;

import app.spotter.load.Bounded;
import app.spotter.load.OpenLoop;
import app.spotter.load.Options;
import app.spotter.load.Target;
import app.spotter.load.Timing;
import app.spotter.load.metrics.Counters;
import app.spotter.load.metrics.Latencies;
import app.spotter.load.metrics.Timeline;
import app.spotter.load.setup.Fleet;
import app.spotter.load.setup.Fleet.SessionSetup;
import app.spotter.load.setup.Fleet.TrainerSetup;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Scenario 1, live fan-out: every session gets a trainer, a trainee and display sockets (plus
 * displays following all of a trainer's sessions); all subscribe and wait for their snapshots; then
 * every session sends one command per interval at fixed intended times while every subscriber's
 * stream is checked. All sockets of one trainer share one event loop context.
 */
public final class FanoutRun {
  private final Vertx vertx;
  private final Options options;
  private final Target target;
  private final Latencies latencies = new Latencies().declare(SessionBook.ACK).declare(SessionBook.OTHER);
  private final Counters counters = new Counters();
  private final Timeline timeline;
  private double drainSeconds;
  private final Map<String, SessionBook> books = new LinkedHashMap<>();
  private final List<LiveSocket> sockets = new ArrayList<>();
  private final List<SessionDriver> drivers = new ArrayList<>();

  public FanoutRun(Vertx vertx, Options options, Target target) {
    this.vertx = vertx;
    this.options = options;
    this.target = target;
    this.timeline = new Timeline((int) options.duration().toSeconds());
  }

  public Latencies latencies() {
    return latencies;
  }

  public Counters counters() {
    return counters;
  }

  /** Connects everything, runs the load, drains, and returns the result (the sockets stay open for {@link #close}). */
  public JsonObject run(Fleet fleet) {
    WebSocketClient client = vertx.createWebSocketClient(LiveSocket.clientOptions());
    long connectStart = System.nanoTime();
    Bounded.map(openers(client, fleet), 50, Supplier::get).await();
    double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
    if (!books.values().stream().allMatch(SessionBook::allSnapshots)) {
      throw new IllegalStateException("not every subscriber got its snapshot");
    }
    System.out.printf("connected %d sockets in %.1f s; load starts%n", sockets.size(), connectSeconds);

    OpenLoop.Schedule schedule = OpenLoop.Schedule.of(options.warmup(), options.duration());
    Future<Void> load = OpenLoop.runAll(schedule, drivers.stream().map(d -> d.trainer.context()).toList(),
        options.interval(), options.seed(), (i, intended, measured) -> drivers.get(i).tick(intended, measured));
    JsonObject cpu = timeline.watch(load, schedule.measureFromNanos(), target::cpu);
    boolean settled = drain();
    books.values().forEach(b -> b.tally(counters));
    return result(fleet, connectSeconds, settled, cpu);
  }

  /** Ends every session (so a long-lived server is not left with them) and closes the sockets. */
  public void close() {
    Future.all(drivers.stream().map(SessionDriver::end).toList()).await();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline && !books.values().stream().allMatch(SessionBook::settled)) {
      Timing.sleepUntil(System.nanoTime() + 100_000_000L);
    }
    Bounded.map(sockets, 100, LiveSocket::close).otherwiseEmpty().await();
  }

  private List<Supplier<Future<Void>>> openers(WebSocketClient client, Fleet fleet) {
    WebSocketConnectOptions where = new WebSocketConnectOptions().setHost(target.url().getHost())
        .setPort(target.url().getPort() < 0 ? 80 : target.url().getPort()).setURI("/api/v1/live");
    List<Supplier<Future<Void>>> openers = new ArrayList<>();
    Map<TrainerSetup, Context> contexts = new LinkedHashMap<>();
    for (SessionSetup s : fleet.sessions()) {
      SessionBook book = new SessionBook(s, latencies, counters, timeline);
      books.put(s.sessionId(), book);
      // One event loop per trainer: its sockets' handlers and its sessions' timers never contend.
      Context context = contexts.computeIfAbsent(s.trainer(), t -> ((VertxInternal) vertx).createEventLoopContext());
      LiveSocket trainer = socket(client, context, "trainer");
      LiveSocket trainee = socket(client, context, "trainee");
      drivers.add(new SessionDriver(book, trainer, trainee, new Random(options.seed() * 7919 + s.index()), latencies));
      openers.add(() -> trainer.open(where, s.trainer().accessToken(), "trainer-tablet").compose(v -> trainer.subscribe(book)));
      openers.add(() -> trainee.open(where, s.traineeToken(), "trainee-phone").compose(v -> trainee.subscribe(book)));
      for (String token : s.displayTokens()) {
        LiveSocket display = socket(client, context, "display");
        openers.add(() -> display.open(where, token, "wall-display").compose(v -> display.subscribe(book)));
      }
    }
    for (TrainerSetup t : fleet.trainers()) {
      List<SessionBook> own = books.values().stream().filter(b -> b.setup.trainer().equals(t)).toList();
      for (String token : t.wallDisplayTokens()) {
        LiveSocket wall = socket(client, contexts.get(t), "wall");
        openers.add(() -> wall.open(where, token, "wall-display").compose(v -> wall.subscribeDisplay(own)));
      }
    }
    return openers;
  }

  private LiveSocket socket(WebSocketClient client, Context context, String device) {
    LiveSocket socket = new LiveSocket(client, context, device, counters);
    sockets.add(socket);
    return socket;
  }

  /**
   * Waits for the last acks and events while they keep coming: gives up after {@code --drain}
   * without progress (and after five minutes in all); false if something never came.
   */
  private boolean drain() {
    long started = System.nanoTime();
    long giveUp = started + options.drain().toNanos();
    long progress = -1;
    while (System.nanoTime() < giveUp && System.nanoTime() - started < 300_000_000_000L) {
      if (books.values().stream().allMatch(SessionBook::settled)) {
        drainSeconds = (System.nanoTime() - started) / 1e9;
        return true;
      }
      long now = counters.get("acked") + counters.get("events-received") + counters.sumWithPrefix("rejected:");
      if (now != progress) {
        progress = now;
        giveUp = System.nanoTime() + options.drain().toNanos();
      }
      Timing.sleepUntil(System.nanoTime() + 50_000_000L);
    }
    drainSeconds = (System.nanoTime() - started) / 1e9;
    return false;
  }

  private JsonObject result(Fleet fleet, double connectSeconds, boolean settled, JsonObject cpu) {
    double rate = fleet.sessions().size() / (options.interval().toNanos() / 1e9);
    JsonObject errors = counters.errors();
    if (counters.get("unanswered-commands") > 0) {
      errors.put("unanswered-commands", counters.get("unanswered-commands"));
    }
    JsonObject correctness = counters.withPrefix("correctness:");
    for (String always : List.of("lost", "duplicated", "reordered", "gaps")) {
      correctness.put(always, counters.get("correctness:" + always));
    }
    long failures = errors.stream().mapToLong(e -> ((Number) e.getValue()).longValue()).sum()
        + correctness.stream().mapToLong(e -> ((Number) e.getValue()).longValue()).sum();
    return new JsonObject()
        .put("setup", new JsonObject().put("trainers", fleet.trainers().size()).put("sessions", fleet.sessions().size())
            .put("sockets", sockets.size()).put("displaysPerSession", options.displaysPerSession())
            .put("trainerDisplays", options.trainerDisplays()).put("connectSeconds", round(connectSeconds)))
        .put("load", new JsonObject().put("intervalMs", options.interval().toMillis())
            .put("warmupSeconds", options.warmup().toSeconds()).put("durationSeconds", options.duration().toSeconds())
            .put("intendedCommandsPerSecond", round(rate)).put("sent", counters.withPrefix("sent:"))
            .put("acked", counters.get("acked")).put("eventsReceived", counters.get("events-received"))
            .put("serverEvents", counters.withPrefix("server-events:")).put("drained", settled)
            .put("drainSeconds", round(drainSeconds)))
        .put("latencyMicros", latencies.summaries())
        .put("correctness", correctness)
        .put("errors", errors)
        .put("cpu", cpu)
        .put("timeline", timeline.toJson())
        .put("worstSeconds", timeline.worst(5))
        .put("passed", failures == 0 && settled);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
