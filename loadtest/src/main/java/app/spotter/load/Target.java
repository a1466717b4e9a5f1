package app.spotter.load;

import app.spotter.load.metrics.CpuUsage;
import java.net.URI;
import java.util.List;

/**
 * What a scenario runs against: the server's URL and, when known (started here, or --server-pid),
 * its PID and the helpers working for it, for CPU and memory figures ({@code serverPid} -1 otherwise).
 */
public record Target(URI url, long serverPid, List<Long> helperPids) {
  /** CPU counters now: the generator's, and the server's when its PID is known. */
  public CpuUsage.Sample cpu() {
    return CpuUsage.sample(serverPid, helperPids);
  }
}
