package app.spotter.live.command;

/** What the command processor counts for /metrics. */
public interface CommitCounts {
  /** A batched commit went out with {@code commands} commands. */
  void batch(int commands);

  /**
   * A command committed on {@code path}: {@code kept} (on what this
   * instance kept of its session, no read round), {@code read} (after reading it) or {@code locked}.
   */
  void committed(String path);
}
