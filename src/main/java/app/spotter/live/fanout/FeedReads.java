package app.spotter.live.fanout;

import app.spotter.auth.Principal;
import app.spotter.live.command.LiveEvent;
import app.spotter.live.command.LiveRepository;
import app.spotter.live.view.DisplayScope;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;

/** What a {@link SessionFeed} reads: who may watch a session, its snapshot, and the events it missed. */
public final class FeedReads {
  private final LiveRepository live;
  private final SnapshotReader snapshots;
  private final EventLog eventLog;
  private final Presence presence;

  public FeedReads(LiveRepository live, SnapshotReader snapshots, EventLog eventLog, Presence presence) {
    this.live = live;
    this.snapshots = snapshots;
    this.eventLog = eventLog;
    this.presence = presence;
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

  /** Events with seq > {@code afterSeq}, in order, gap-free, at most {@link EventLog#MAX_REPLAY}. */
  Future<List<LiveEvent>> eventsAfter(UUID sessionId, long afterSeq) {
    return eventLog.after(sessionId, afterSeq);
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
}
