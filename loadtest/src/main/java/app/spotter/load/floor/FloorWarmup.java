package app.spotter.load.floor;

import app.spotter.load.Options;
import java.time.Duration;

/** The floors' warm-up: the fan-out's, at most 5 s. */
public final class FloorWarmup {
  private FloorWarmup() {}

  public static Duration of(Options options) {
    return options.warmup().compareTo(Duration.ofSeconds(5)) < 0 ? options.warmup() : Duration.ofSeconds(5);
  }
}
