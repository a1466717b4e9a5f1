package app.spotter.load.metrics;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU used between two samples: the generator itself and, when it started the server, the server's
 * JVM, the processes it started itself (embedded Redis) and its helpers found otherwise (the
 * embedded Postgres, which daemonizes), each with their children. Linux /proc only; elsewhere the
 * server figures are absent.
 */
public final class CpuUsage {
  private static final double TICKS_PER_SECOND = 100.0;

  /**
   * One moment: wall clock, generator CPU, and ticks of the server JVM, of its children, of its
   * helpers and of the whole machine (-1 when unknown).
   */
  public record Sample(long wallNanos, long generatorNanos, long serverTicks, long childTicks, long helperTicks,
      long machineTicks) {}

  public static Sample sample(long serverPid, List<Long> helpers) {
    long server = serverPid > 0 ? ticks(serverPid, false) : -1;
    long children = serverPid > 0 ? ProcessHandle.of(serverPid).map(CpuUsage::descendantTicks).orElse(-1L) : -1;
    long helper = serverPid > 0 ? helpers.stream().flatMap(pid -> ProcessHandle.of(pid).stream())
        .mapToLong(root -> Math.max(0, ticks(root.pid(), true)) + descendantTicks(root)).sum() : -1;
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new Sample(System.nanoTime(), os.getProcessCpuTime(), server, children, helper, machineBusyTicks());
  }

  /** Percent of one core used between the samples (200 % = both cores of a 2-core machine). */
  public static JsonObject between(Sample a, Sample b) {
    double seconds = (b.wallNanos() - a.wallNanos()) / 1e9;
    JsonObject out = new JsonObject().put("seconds", round(seconds))
        .put("generatorPercent", round((b.generatorNanos() - a.generatorNanos()) / 1e9 / seconds * 100));
    if (a.serverTicks() >= 0 && b.serverTicks() >= 0) {
      out.put("serverJvmPercent", percent(a.serverTicks(), b.serverTicks(), seconds));
      out.put("postgresPercent", percent(a.helperTicks(), b.helperTicks(), seconds));
      out.put("redisPercent", percent(a.childTicks(), b.childTicks(), seconds));
    }
    if (a.machineTicks() >= 0 && b.machineTicks() >= 0) {
      // What else ran on the box meanwhile (other processes compete for the same cores).
      out.put("wholeMachinePercent", percent(a.machineTicks(), b.machineTicks(), seconds));
    }
    return out;
  }

  private static double percent(long from, long to, double seconds) {
    return round((to - from) / TICKS_PER_SECOND / seconds * 100);
  }

  private static long descendantTicks(ProcessHandle root) {
    return root.descendants().mapToLong(p -> Math.max(0, ticks(p.pid(), true))).sum();
  }

  /** Busy ticks of all cores together: the first line of /proc/stat minus idle and iowait. */
  private static long machineBusyTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i < Math.min(f.length, 9); i++) {
        if (i != 4 && i != 5) {
          busy += Long.parseLong(f[i]);
        }
      }
      return busy;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * utime + stime of one process in clock ticks, or -1; with {@code reaped}, also the time of its
   * children that have exited (Postgres backends and workers come and go under the postmaster).
   */
  private static long ticks(long pid, boolean reaped) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return reaped ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
