package app.spotter.live.socket;

import app.spotter.auth.Authenticator;
import app.spotter.config.SpotterConfig;
import app.spotter.live.command.CommandProcessor;
import app.spotter.live.command.LiveRepository;
import app.spotter.live.fanout.FeedReads;
import app.spotter.live.fanout.LiveHub;
import app.spotter.live.fanout.LiveMetrics;
import app.spotter.live.fanout.Presence;
import app.spotter.live.fanout.SessionFeed;
import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;

/**
 * The socket endpoint {@code GET /api/v1/live}: upgrades the request, then gives the new
 * {@link LiveConnection} its feed (what it follows) and its command intake (what it sends).
 */
public final class LiveSockets {
  private final LiveHub hub;
  private final TokenCheck tokens;
  private final FeedReads reads;
  private final Presence presence;
  private final CommandProcessor processor;
  private final LiveMetrics metrics;
  private final SpotterConfig.RateLimits limits;
  private final SpotterConfig.LiveTiming timing;

  public LiveSockets(LiveHub hub, Authenticator authenticator, LiveRepository live, FeedReads reads, Presence presence,
      CommandProcessor processor, LiveMetrics metrics, SpotterConfig.RateLimits limits,
      SpotterConfig.LiveTiming timing) {
    this.hub = hub;
    this.tokens = new TokenCheck(authenticator, live);
    this.reads = reads;
    this.presence = presence;
    this.processor = processor;
    this.metrics = metrics;
    this.limits = limits;
    this.timing = timing;
  }

  /** Authentication is the protocol's first message, not the upgrade's. */
  public void accept(RoutingContext ctx) {
    ctx.request().toWebSocket().onSuccess(ws -> open(ws, ctx.vertx().getOrCreateContext())).onFailure(ctx::fail);
  }

  private void open(ServerWebSocket ws, Context context) {
    new LiveConnection(ws, context, hub, tokens, timing,
        connection -> new SessionFeed(connection, context, hub, reads, presence, metrics),
        connection -> new CommandIntake(connection, processor, metrics, limits)).open();
  }
}
