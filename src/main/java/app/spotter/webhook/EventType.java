package app.spotter.webhook;

/** The events an endpoint may subscribe to, by their wire names (docs/webhooks.md has their bodies). */
public enum EventType {
  SESSION_STARTED("session.started"),
  SESSION_ENDED("session.ended"),
  RECORD_CREATED("record.created"),
  PR_ACHIEVED("pr.achieved"),
  TRAINEE_CREATED("trainee.created");

  private final String wire;

  EventType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
