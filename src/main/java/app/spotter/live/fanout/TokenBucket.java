package app.spotter.live.fanout;

/** Commands per connection: {@code rate} per second with bursts up to {@code burst}. Not thread-safe: one per socket. */
public final class TokenBucket {
  private final double ratePerMs;
  private final int burst;
  private double tokens;
  private long last;

  public TokenBucket(int perSecond, int burst) {
    this.ratePerMs = perSecond / 1000.0;
    this.burst = burst;
    this.tokens = burst;
    this.last = System.currentTimeMillis();
  }

  public boolean tryTake() {
    long now = System.currentTimeMillis();
    tokens = Math.min(burst, tokens + (now - last) * ratePerMs);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
