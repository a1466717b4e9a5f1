package app.spotter.live.fanout;

import app.spotter.auth.Role;
import app.spotter.live.command.CommitCounts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live engine on /metrics: sockets by role, commands by name and outcome, ack and fan-out
 * latency, events waiting for Redis.
 */
public final class LiveMetrics {
  private final MeterRegistry registry;
  private final java.util.Set<String> knownCommands;
  private final Map<String, Counter> commands = new ConcurrentHashMap<>();
  private final Timer ackLatency;
  private final Timer fanoutLatency;

  public LiveMetrics(MeterRegistry registry, LiveHub hub, EventPublisher publisher, java.util.Set<String> knownCommands) {
    this.registry = registry;
    this.knownCommands = knownCommands;
    for (Role role : new Role[] {Role.TRAINER, Role.TRAINEE, Role.DISPLAY}) {
      Gauge.builder("spotter_live_sockets", hub, h -> h.connections().stream()
              .filter(c -> c.principal() != null && c.principal().role() == role).count())
          .tag("role", role.wire())
          .description("Authenticated live sockets on this instance")
          .register(registry);
    }
    Gauge.builder("spotter_live_events_held", publisher, EventPublisher::heldEvents)
        .description("Committed events waiting to be published to Redis (it failed or was slow)")
        .register(registry);
    FunctionCounter.builder("spotter_live_events_unpublished_total", publisher, EventPublisher::droppedEvents)
        .description("Committed events given up on publishing to Redis; other instances read them from Postgres")
        .register(registry);
    ackLatency = Timer.builder("spotter_live_command_ack_seconds")
        .description("From a command's arrival to its ack (commit included)")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
    fanoutLatency = Timer.builder("spotter_live_fanout_seconds")
        .description("From an event's commit to its hand-over to a subscriber's socket")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
  }

  /**
   * Hears how many commands each batched commit holds, and the path each command committed on (the
   * command processor is made before this class).
   */
  public static CommitCounts commitCounts(MeterRegistry registry) {
    DistributionSummary sizes = DistributionSummary.builder("spotter_live_commit_batch_commands")
        .description("Commands committed together in one batched statement")
        .publishPercentiles(0.5, 0.99)
        .register(registry);
    Map<String, Counter> paths = new ConcurrentHashMap<>();
    return new CommitCounts() {
      @Override
      public void batch(int commands) {
        sizes.record(commands);
      }

      @Override
      public void committed(String path) {
        paths.computeIfAbsent(path, p -> Counter.builder("spotter_live_command_commits_total").tag("path", p)
            .description("Live commands committed, by path: kept (no read round), read or locked")
            .register(registry)).increment();
      }
    };
  }

  public void command(String name, String outcome) {
    // Only real command names become tags: a client cannot blow up the metric's cardinality.
    String known = knownCommands.contains(name) ? name : "unknown";
    commands.computeIfAbsent(known + "|" + outcome, key -> Counter.builder("spotter_live_commands_total")
        .tag("name", known).tag("outcome", outcome)
        .description("Live commands by name and outcome")
        .register(registry)).increment();
  }

  public void ackLatency(long nanos) {
    ackLatency.record(Duration.ofNanos(nanos));
  }

  void fanout(long serverTimeMillis) {
    fanoutLatency.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - serverTimeMillis)));
  }
}
