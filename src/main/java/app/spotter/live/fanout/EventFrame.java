package app.spotter.live.fanout;

import app.spotter.auth.Role;
import app.spotter.live.command.LiveEvent;
import app.spotter.live.view.LiveViews;

/**
 * One event as each role receives it on the wire. A role's view is filtered and encoded once,
 * however many sockets of this instance receive it. Sockets on other event loops read it at the same
 * time; a view computed twice in such a race is the same text, so no lock is needed.
 */
final class EventFrame {
  final LiveEvent event;
  /** The trainer's view: the whole event. */
  private final String whole;
  private volatile String traineeView;
  private volatile String displayView;

  EventFrame(LiveEvent event, String json) {
    this.event = event;
    this.whole = json;
  }

  static EventFrame of(LiveEvent event) {
    return new EventFrame(event, event.toJson().encode());
  }

  /** The whole event, as stored in Redis and seen by trainers. */
  String json() {
    return whole;
  }

  String text(Role role) {
    return switch (role) {
      case TRAINEE -> traineeView != null ? traineeView : (traineeView = view(role));
      case DISPLAY -> displayView != null ? displayView : (displayView = view(role));
      case TRAINER, SERVER -> whole;
    };
  }

  private String view(Role role) {
    return LiveViews.event(role, event.toJson()).encode();
  }
}
