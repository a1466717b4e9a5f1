package app.spotter.load;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The command line: {@code <scenario> --name value ...}; every option has a default (see README). */
public record Options(
    String scenario,
    URI url,
    boolean startServer,
    Path serverJar,
    String serverJavaOpts,
    Map<String, String> serverEnv,
    int sessions,
    int sessionsPerTrainer,
    int displaysPerSession,
    int trainerDisplays,
    Duration interval,
    Duration duration,
    Duration warmup,
    Duration drain,
    Duration floorDuration,
    boolean floors,
    Optional<URI> databaseUrl,
    int dbPoolSize,
    Path resultsDir,
    long seed,
    int sockets,
    int socketsPerSession,
    int rampRate,
    int rampInFlight,
    int pingRate,
    OptionalLong serverPid,
    List<Integer> rates,
    Duration stepDuration,
    Duration p99Target,
    int concurrency,
    Map<String, String> given) {

  static final String USAGE = """
      usage: java -jar spotter-load.jar <fanout|connections|http|floors|echo-server|read-server> [options]
        --url URL                 a running Spotter (default http://localhost:8080)
        --start-server            start target/spotter.jar (embedded Postgres/Redis, temp data dir, free port)
        --server-jar PATH         the jar --start-server runs (default target/spotter.jar)
        --server-java-opts "..."  JVM options for that server (default none)
        --server-env K=V,K=V      extra environment for that server, e.g. SPOTTER_DB_POOL_SIZE=32
        --sessions N              live sessions (default 100; in http, one trainee each)
        --sessions-per-trainer N  sessions per trainer (default 10)
        --displays-per-session N  display sockets subscribed to each session (default 1)
        --trainer-displays N      displays per trainer following all its sessions (subscribe-display, default 1)
        --interval 1s             each session's command interval (open arrival model)
        --duration 60s            measured load time
        --warmup 5s               load before measuring (not in the histograms, still checked)
        --drain 15s               how long to wait for the last acks and events
        --floor-duration 20s      length of each floor measurement (and of each closed loop in http)
        --no-floors               skip the floors in fanout, the throughput comparison in http
        --database-url URL        postgresql://user:pass@host:port/db for the floors (automatic with --start-server)
        --db-pool N               pool size of the floors (default 16, the server's default)
        --results DIR             where results go (default loadtest/target/results)
        --seed N                  random seed of the command mix (default 42)
      connections:
        --sockets N               live sockets to hold (default 20000; capped to what the open-file limit allows)
        --sockets-per-session N   sockets subscribed to each live session (default 20)
        --ramp-rate N             sockets opened per second at most (default 1000)
        --ramp-in-flight N        sockets opening at once at most (default 200): the ramp slows to the server's pace
        --ping-rate N             protocol pings per second over random held sockets (default 500)
        --server-pid N            the server's PID when not started here (heap and RSS readings need it)
      http:
        --rates 200,400,800       request rates (per second) to step through (default: double from 100, then bisect)
        --step-duration 20s       measured time per rate (after --warmup)
        --p99-target 50ms         the p99 a rate must stay under to pass
        --concurrency N           connections of the closed-loop throughput comparison (default 16)
      """;

  public static Options parse(String[] args) {
    if (args.length == 0 || args[0].startsWith("--")) {
      throw new IllegalArgumentException("name a scenario first");
    }
    Map<String, String> given = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String name = args[i];
      if (!name.startsWith("--")) {
        throw new IllegalArgumentException("expected an option, got '" + name + "'");
      }
      boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
      given.put(name.substring(2), flag ? "true" : args[++i]);
    }
    Map<String, String> in = new HashMap<>(given);
    Options options = new Options(args[0],
        URI.create(take(in, "url", "http://localhost:8080")),
        Boolean.parseBoolean(take(in, "start-server", "false")),
        Path.of(take(in, "server-jar", "target/spotter.jar")),
        take(in, "server-java-opts", ""),
        keyValues(take(in, "server-env", "")),
        positive(take(in, "sessions", "100"), "sessions"),
        positive(take(in, "sessions-per-trainer", "10"), "sessions-per-trainer"),
        Integer.parseInt(take(in, "displays-per-session", "1")),
        Integer.parseInt(take(in, "trainer-displays", "1")),
        duration(take(in, "interval", "1s")),
        duration(take(in, "duration", "60s")),
        duration(take(in, "warmup", "5s")),
        duration(take(in, "drain", "15s")),
        duration(take(in, "floor-duration", "20s")),
        !Boolean.parseBoolean(take(in, "no-floors", "false")),
        Optional.ofNullable(in.remove("database-url")).map(URI::create),
        positive(take(in, "db-pool", "16"), "db-pool"),
        Path.of(take(in, "results", defaultResults().toString())),
        Long.parseLong(take(in, "seed", "42")),
        positive(take(in, "sockets", "20000"), "sockets"),
        positive(take(in, "sockets-per-session", "20"), "sockets-per-session"),
        positive(take(in, "ramp-rate", "1000"), "ramp-rate"),
        positive(take(in, "ramp-in-flight", "200"), "ramp-in-flight"),
        positive(take(in, "ping-rate", "500"), "ping-rate"),
        in.containsKey("server-pid") ? OptionalLong.of(Long.parseLong(in.remove("server-pid"))) : OptionalLong.empty(),
        rates(take(in, "rates", "")),
        duration(take(in, "step-duration", "20s")),
        duration(take(in, "p99-target", "50ms")),
        positive(take(in, "concurrency", "16"), "concurrency"),
        given);
    if (args[0].endsWith("-server")) {
      in.remove("port"); // a floor's server (echo-server, read-server), started by the generator itself
    }
    if (!in.isEmpty()) {
      throw new IllegalArgumentException("unknown option(s): " + in.keySet());
    }
    if (options.interval.toMillis() < 50) {
      throw new IllegalArgumentException("--interval below 50ms exceeds the server's 20 commands/s per connection");
    }
    return options;
  }

  /** "250ms", "1s", "2m" or ISO-8601 ("PT1S"). */
  static Duration duration(String text) {
    String t = text.trim().toLowerCase();
    if (t.startsWith("pt")) {
      return Duration.parse(t);
    }
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    }
    long n = Long.parseLong(t.substring(0, t.length() - 1));
    return switch (t.charAt(t.length() - 1)) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      default -> throw new IllegalArgumentException("not a duration: " + text);
    };
  }

  private static List<Integer> rates(String text) {
    List<Integer> rates = new ArrayList<>();
    for (String r : text.split(",")) {
      if (!r.isBlank()) {
        rates.add(positive(r.trim(), "rates"));
      }
    }
    return List.copyOf(rates);
  }

  private static Map<String, String> keyValues(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      if (!pair.isBlank()) {
        String[] kv = pair.split("=", 2);
        if (kv.length != 2) {
          throw new IllegalArgumentException("--server-env wants K=V pairs, got '" + pair + "'");
        }
        out.put(kv[0].trim(), kv[1].trim());
      }
    }
    return out;
  }

  private static String take(Map<String, String> in, String name, String fallback) {
    String value = in.remove(name);
    return value == null ? fallback : value;
  }

  private static int positive(String text, String name) {
    int n = Integer.parseInt(text);
    if (n < 1) {
      throw new IllegalArgumentException("--" + name + " must be at least 1");
    }
    return n;
  }

  /** loadtest/target/results next to the jar when run from it, else under the working directory. */
  private static Path defaultResults() {
    try {
      Path jar = Path.of(Options.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(jar)) {
        return jar.getParent().resolve("results");
      }
    } catch (Exception ignored) {
      // fall through to the working directory
    }
    return Path.of("loadtest", "target", "results");
  }
}
