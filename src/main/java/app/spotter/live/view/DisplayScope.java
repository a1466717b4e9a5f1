package app.spotter.live.view;

/**
 * Which of its trainer's live sessions a display may watch: every one, or, for a display claimed with
 * a {@code location}, only those started at that location (one without a location is not). Direct
 * subscribes, subscribe-display and sessions started later all ask this one rule.
 */
public record DisplayScope(String location) {
  public boolean covers(String sessionLocation) {
    return location == null || location.equals(sessionLocation);
  }
}
