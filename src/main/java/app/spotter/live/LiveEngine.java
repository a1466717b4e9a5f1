package app.spotter.live;

import app.spotter.auth.Authenticator;
import app.spotter.auth.PasswordVersions;
import app.spotter.auth.Principal;
import app.spotter.auth.Revocations;
import app.spotter.coaching.LiveCoaching;
import app.spotter.coaching.PersonalRecords;
import app.spotter.config.SpotterConfig;
import app.spotter.record.ExerciseRecordRepository;
import app.spotter.record.RecordRepository;
import app.spotter.webhook.WebhookOutbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.UUID;

/**
 * The live-session engine of one instance: the socket endpoint and the parts behind it. One per
 * Spotter, shared by every HTTP verticle; sockets stay on the event loop that accepted them.
 */
public final class LiveEngine {
  static final long GAP_REPAIR_MS = 250;

  private final Authenticator authenticator;
  private final SpotterConfig.RateLimits limits;
  private final SpotterConfig.LiveTiming timing;
  private final LiveRepository live;
  private final LiveHub hub;
  private final Presence presence;
  private final EventLog eventLog;
  private final SnapshotReader snapshots;
  private final TimerDeadlines timers;
  private final CommandProcessor processor;
  private final RejectionRetention rejectionRetention;
  private final LiveMetrics metrics;
  private final LiveRevocations revocations;

  public LiveEngine(Vertx vertx, Pool pool, Redis redis, OpenAPIContract contract, Authenticator authenticator,
      PasswordVersions passwordVersions, SpotterConfig.RateLimits limits, SpotterConfig.LiveTiming timing,
      RecordRepository records, ExerciseRecordRepository exercises, LiveCoaching coaching,
      PersonalRecords personalRecords, WebhookOutbox webhooks, MeterRegistry registry) {
    this.authenticator = authenticator;
    this.limits = limits;
    this.timing = timing;
    this.live = new LiveRepository(pool);
    this.hub = new LiveHub(vertx, redis, passwordVersions);
    this.presence = new Presence(vertx, redis, timing.presenceExpiry().toMillis());
    this.eventLog = new EventLog(redis, live);
    this.snapshots = new SnapshotReader(pool, redis, records, exercises, live, coaching);
    this.timers = new TimerDeadlines(vertx, redis, live, timing.timerScan().toMillis());
    LiveCommands commands = new LiveCommands();
    CommandAnswers answers = new CommandAnswers(pool);
    this.rejectionRetention = new RejectionRetention(vertx, answers);
    this.processor = new CommandProcessor(pool, live, answers, exercises, personalRecords, commands,
        new CommandPayloads(contract, commands.all()), new EventPublisher(vertx, redis, hub, timers), webhooks, coaching);
    this.metrics = new LiveMetrics(registry, hub, commands.names());
    this.revocations = new LiveRevocations(hub, redis);
  }

  public void start() {
    hub.start();
    presence.start();
    timers.start(processor);
    rejectionRetention.start();
  }

  /** Every client is told to reconnect (elsewhere) before this instance goes. */
  public void stop() {
    rejectionRetention.stop();
    timers.stop();
    presence.stop();
    hub.connections().forEach(c -> c.reconnect("server restarting"));
    hub.stop();
  }

  /** {@code GET /api/v1/live}: upgrade, then the protocol (authentication is the first message). */
  public void accept(RoutingContext ctx) {
    ctx.request().toWebSocket().onSuccess(ws -> new LiveConnection(ws, ctx.vertx().getOrCreateContext(), this).open())
        .onFailure(ctx::fail);
  }

  /** Tells the session's displays and its trainee's phone (on every instance) that it started. */
  public Future<Void> sessionStarted(UUID trainerId, UUID sessionId, String location, UUID traineeId) {
    return hub.redis().send(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.PUBLISH)
        .arg(RedisKeys.trainerChannel(trainerId))
        .arg(new JsonObject().put("type", "session-started").put("sessionId", sessionId.toString())
            .put("location", location).put("traineeId", traineeId.toString()).encode())).mapEmpty();
  }

  /** Whether the principal may watch the session; for a display, one of its trainer's live ones in its {@link DisplayScope}. */
  Future<Boolean> visible(Principal principal, UUID sessionId) {
    return live.access(sessionId).compose(found -> {
      if (found.isEmpty() || !found.get().trainerId().equals(principal.trainerId())) {
        return Future.succeededFuture(false);
      }
      LiveRepository.Access a = found.get();
      return switch (principal.role()) {
        case TRAINER -> Future.succeededFuture(true);
        case TRAINEE -> Future.succeededFuture(a.traineeId().equals(principal.id()));
        case DISPLAY -> "live".equals(a.status())
            ? displayScope(principal.id()).map(scope -> scope.covers(a.location()))
            : Future.succeededFuture(false);
        default -> Future.succeededFuture(false);
      };
    });
  }

  /** {@code {seq, state}} with the devices watching right now. */
  Future<JsonObject> snapshot(UUID sessionId) {
    return snapshots.read(sessionId).compose(snapshot -> presence.devices(sessionId).map(devices -> {
      JsonObject copy = snapshot.copy();
      copy.getJsonObject("state").put("presence", devices);
      return copy;
    }));
  }

  Future<Long> currentSeq(UUID sessionId) {
    return live.currentSeq(sessionId);
  }

  Future<DisplayScope> displayScope(UUID displayId) {
    return live.displayLocation(displayId).map(DisplayScope::new);
  }

  Future<List<LiveRepository.LiveSessionPlace>> liveSessionsOf(UUID trainerId) {
    return live.liveSessionsOf(trainerId);
  }

  /**
   * A token's principal. A trainee's token also needs its access link still in force: revoking the
   * link closes the trainee's sockets, and this keeps them from coming straight back.
   */
  Future<Principal> authenticate(String token) {
    return authenticator.authenticate(token).compose(principal -> principal.linkId() == null
        ? Future.succeededFuture(principal)
        : live.accessLinkActive(principal.linkId()).compose(active -> active ? Future.succeededFuture(principal)
            : Future.failedFuture("the access link was revoked or has expired")));
  }

  /** Where the REST side reports revoked access links and displays, and password changes. */
  public Revocations revocations() {
    return revocations;
  }

  SpotterConfig.RateLimits limits() {
    return limits;
  }

  long heartbeatMs() {
    return timing.heartbeat().toMillis();
  }

  long helloTimeoutMs() {
    return timing.helloTimeout().toMillis();
  }

  LiveHub hub() {
    return hub;
  }

  Presence presence() {
    return presence;
  }

  EventLog eventLog() {
    return eventLog;
  }

  CommandProcessor processor() {
    return processor;
  }

  LiveMetrics metrics() {
    return metrics;
  }
}
