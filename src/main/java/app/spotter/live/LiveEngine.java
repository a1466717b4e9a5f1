package app.spotter.live;

import app.spotter.auth.Authenticator;
import app.spotter.auth.PasswordVersions;
import app.spotter.auth.Revocations;
import app.spotter.coaching.LiveCoaching;
import app.spotter.coaching.PersonalRecords;
import app.spotter.config.SpotterConfig;
import app.spotter.live.command.CommandAnswers;
import app.spotter.live.command.CommandProcessor;
import app.spotter.live.command.EventSink;
import app.spotter.live.command.LiveRepository;
import app.spotter.live.command.RejectionRetention;
import app.spotter.live.fanout.EventLog;
import app.spotter.live.fanout.EventPublisher;
import app.spotter.live.fanout.FeedReads;
import app.spotter.live.fanout.LiveHub;
import app.spotter.live.fanout.LiveMetrics;
import app.spotter.live.fanout.LiveRevocations;
import app.spotter.live.fanout.Presence;
import app.spotter.live.fanout.SnapshotReader;
import app.spotter.live.socket.LiveSockets;
import app.spotter.live.timers.RunningTimers;
import app.spotter.live.timers.TimerDeadlines;
import app.spotter.record.ExerciseRecordRepository;
import app.spotter.record.RecordRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;
import java.util.UUID;

/**
 * The live-session engine of one instance, wired here once: a socket ({@code socket}) sends commands
 * that the {@code command} processor commits; each committed event goes to the {@code fanout}, which
 * hands it to this instance's feeds and, through Redis, to the others', and to the {@code timers},
 * which finish running timers as server commands. One per Spotter, shared by every HTTP verticle;
 * sockets stay on the event loop that accepted them.
 */
public final class LiveEngine {
  private final LiveHub hub;
  private final Presence presence;
  private final TimerDeadlines timers;
  private final RejectionRetention rejectionRetention;
  private final LiveRevocations revocations;
  private final LiveSockets sockets;

  public LiveEngine(Vertx vertx, Pool pool, Pool batchPool, Redis redis, OpenAPIContract contract, Authenticator authenticator,
      PasswordVersions passwordVersions, SpotterConfig.RateLimits limits, SpotterConfig.LiveTiming timing,
      RecordRepository records, ExerciseRecordRepository exercises, LiveCoaching coaching,
      PersonalRecords personalRecords, MeterRegistry registry) {
    LiveRepository live = new LiveRepository(pool);
    this.hub = new LiveHub(vertx, redis, passwordVersions);
    this.presence = new Presence(vertx, redis, timing.presenceExpiry().toMillis());
    EventPublisher publisher = new EventPublisher(vertx, redis, hub);
    RunningTimers runningTimers = new RunningTimers(redis);
    EventSink committed = event -> {
      runningTimers.track(event);
      publisher.publish(event);
    };
    CommandAnswers answers = new CommandAnswers(pool);
    this.rejectionRetention = new RejectionRetention(vertx, answers);
    CommandProcessor processor = new CommandProcessor(pool, batchPool, live, answers, exercises, personalRecords, contract,
        committed, coaching, LiveMetrics.commitCounts(registry));
    this.timers = new TimerDeadlines(vertx, redis, live, timing.timerScan().toMillis(), processor::finishTimer,
        runningTimers);
    this.revocations = new LiveRevocations(hub, redis);
    FeedReads reads = new FeedReads(live, new SnapshotReader(pool, redis, records, exercises, live, coaching),
        new EventLog(redis, live), presence);
    LiveMetrics metrics = new LiveMetrics(registry, hub, publisher, processor.commandNames());
    this.sockets = new LiveSockets(hub, authenticator, live, reads, presence, processor, metrics, limits, timing);
  }

  /** Fails when the Redis subscription cannot be made: this instance would not hear the others. */
  public Future<Void> start() {
    return hub.start().onSuccess(v -> {
      presence.start();
      timers.start();
      rejectionRetention.start();
    });
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
    sockets.accept(ctx);
  }

  /** Tells the session's displays and its trainee's phone (on every instance) that it started. */
  public Future<Void> sessionStarted(UUID trainerId, UUID sessionId, String location, UUID traineeId) {
    return hub.sessionStarted(trainerId, sessionId, location, traineeId);
  }

  /** Where the REST side reports revoked access links and displays, and password changes. */
  public Revocations revocations() {
    return revocations;
  }
}
