package app.spotter.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Spotter reads from its environment, validated once at start.
 * An absent database or Redis URL means "start an embedded one in {@link #dataDir()}".
 */
public record SpotterConfig(
    int port,
    Optional<DatabaseUrl> databaseUrl,
    Optional<URI> redisUrl,
    Path dataDir,
    Optional<String> jwtSecret,
    String publicUrl,
    Duration accessTokenTtl,
    Duration refreshTokenTtl,
    Duration traineeTokenTtl,
    RateLimits rateLimits,
    int databasePoolSize,
    int httpInstances,
    boolean trustProxy,
    HttpTimeouts httpTimeouts,
    LiveTiming live,
    Webhooks webhooks) {

  /** Failure-counting limits (see CONTRACT: rate limits count failures only). */
  public record RateLimits(
      int loginFailuresPerEmail, Duration loginWindow, int failuresPerIp, Duration ipWindow,
      int registrationsPerIp, int liveCommandsPerSecond, int liveCommandBurst) {

    /** Registrations are counted per address per hour; {@code 0} means unlimited. */
    public static final Duration REGISTRATION_WINDOW = Duration.ofHours(1);

    public boolean registrationsLimited() {
      return registrationsPerIp > 0;
    }
  }

  /**
   * Slow clients: request headers must be complete within {@code header}, a body within {@code body};
   * a keep-alive connection with nothing in flight is closed after {@code idle}. Live sockets are
   * governed by their heartbeat instead.
   */
  public record HttpTimeouts(Duration header, Duration body, Duration idle) {}

  /**
   * Live socket timing: heartbeat (ping and idle close at 3×), the hello deadline, how long a device
   * nobody refreshes stays in presence, and how often (and how overdue) the Postgres timer safety scan runs.
   */
  public record LiveTiming(Duration heartbeat, Duration helloTimeout, Duration presenceExpiry, Duration timerScan) {}

  /**
   * Webhooks: whether URLs may point at loopback or private addresses, whether this instance sends
   * deliveries (every instance does by default; one without outbound access need not), the first
   * retry's delay (later ones double), and how often a sending instance looks for due deliveries.
   */
  public record Webhooks(boolean allowPrivate, boolean deliver, Duration retryBase, Duration pollInterval) {}

  public static SpotterConfig fromEnvironment() {
    return from(System.getenv());
  }

  public static SpotterConfig from(Map<String, String> env) {
    EnvReader in = new EnvReader(env);
    int port = in.integer("SPOTTER_PORT", 8080, 0, 65535);
    RateLimits limits = new RateLimits(
        in.integer("SPOTTER_LOGIN_FAILURES_PER_EMAIL", 10, 1, 1_000_000),
        in.duration("SPOTTER_LOGIN_FAILURE_WINDOW", Duration.ofMinutes(15)),
        in.integer("SPOTTER_FAILURES_PER_IP", 100, 1, 1_000_000),
        in.duration("SPOTTER_IP_FAILURE_WINDOW", Duration.ofMinutes(1)),
        in.integer("SPOTTER_REGISTRATIONS_PER_IP", 10, 0, 1_000_000),
        in.integer("SPOTTER_LIVE_COMMANDS_PER_SECOND", 20, 1, 100_000),
        in.integer("SPOTTER_LIVE_COMMAND_BURST", 40, 1, 100_000));
    return new SpotterConfig(
        port,
        in.optional("SPOTTER_DATABASE_URL").map(v -> DatabaseUrl.parse("SPOTTER_DATABASE_URL", v)),
        in.optional("SPOTTER_REDIS_URL").map(v -> in.uri("SPOTTER_REDIS_URL", v, "redis", "rediss")),
        Path.of(in.string("SPOTTER_DATA_DIR", "./data")).toAbsolutePath().normalize(),
        in.optional("SPOTTER_JWT_SECRET").map(v -> in.minLength("SPOTTER_JWT_SECRET", v, 32)),
        in.publicUrl("SPOTTER_PUBLIC_URL", "http://localhost:" + (port == 0 ? 8080 : port)),
        in.duration("SPOTTER_ACCESS_TOKEN_TTL", Duration.ofMinutes(15)),
        in.duration("SPOTTER_REFRESH_TOKEN_TTL", Duration.ofDays(30)),
        in.duration("SPOTTER_TRAINEE_TOKEN_TTL", Duration.ofMinutes(15)),
        limits,
        in.integer("SPOTTER_DB_POOL_SIZE", 16, 1, 500),
        in.integer("SPOTTER_HTTP_INSTANCES", Runtime.getRuntime().availableProcessors(), 1, 256),
        in.bool("SPOTTER_TRUST_PROXY", false),
        new HttpTimeouts(in.duration("SPOTTER_HTTP_HEADER_TIMEOUT", Duration.ofSeconds(10)),
            in.duration("SPOTTER_HTTP_BODY_TIMEOUT", Duration.ofSeconds(30)),
            in.duration("SPOTTER_HTTP_IDLE_TIMEOUT", Duration.ofSeconds(60))),
        new LiveTiming(in.duration("SPOTTER_LIVE_HEARTBEAT", Duration.ofSeconds(15)),
            in.duration("SPOTTER_LIVE_HELLO_TIMEOUT", Duration.ofSeconds(5)),
            in.duration("SPOTTER_LIVE_PRESENCE_EXPIRY", Duration.ofSeconds(30)),
            in.duration("SPOTTER_LIVE_TIMER_SCAN", Duration.ofSeconds(5))),
        new Webhooks(in.bool("SPOTTER_WEBHOOKS_ALLOW_PRIVATE", false),
            in.bool("SPOTTER_WEBHOOKS_DELIVER", true),
            in.duration("SPOTTER_WEBHOOKS_RETRY_BASE", Duration.ofSeconds(5)),
            in.duration("SPOTTER_WEBHOOKS_POLL_INTERVAL", Duration.ofSeconds(1))));
  }

  public boolean embeddedDatabase() {
    return databaseUrl.isEmpty();
  }

  public boolean embeddedRedis() {
    return redisUrl.isEmpty();
  }

  /** A copy pointing at given servers: used once embedded ones have started. */
  public SpotterConfig withServers(DatabaseUrl database, URI redis) {
    return new SpotterConfig(port, Optional.of(database), Optional.of(redis), dataDir, jwtSecret, publicUrl,
        accessTokenTtl, refreshTokenTtl, traineeTokenTtl, rateLimits, databasePoolSize, httpInstances, trustProxy,
        httpTimeouts, live, webhooks);
  }

  public SpotterConfig withJwtSecret(String secret) {
    return new SpotterConfig(port, databaseUrl, redisUrl, dataDir, Optional.of(secret), publicUrl,
        accessTokenTtl, refreshTokenTtl, traineeTokenTtl, rateLimits, databasePoolSize, httpInstances, trustProxy,
        httpTimeouts, live, webhooks);
  }
}
