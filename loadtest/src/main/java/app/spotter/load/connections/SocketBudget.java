package app.spotter.load.connections;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How many sockets fit: every socket is a file descriptor in the generator and one in the server,
 * and a server started here inherits the generator's open-file limit. Each process keeps
 * {@link #SPARE} descriptors for everything else (jars, epoll, database and Redis connections, REST).
 */
public record SocketBudget(int sockets, long generatorLimit, long serverLimit, String note) {
  static final int SPARE = 500;

  /** {@code serverPid} -1 when unknown: then only the generator's own limit is known. */
  public static SocketBudget of(int requested, long serverPid) {
    long own = ownLimit();
    long server = serverPid > 0 ? limitOf(serverPid) : -1;
    long limit = server > 0 ? Math.min(own, server) : own;
    int fits = (int) Math.max(0, Math.min(Integer.MAX_VALUE, limit - SPARE));
    if (requested <= fits) {
      return new SocketBudget(requested, own, server, null);
    }
    return new SocketBudget(fits, own, server, String.format(Locale.ROOT,
        "capped from %d to %d sockets: open files are limited to %d per process here (generator %d, server %s), and "
            + "each process needs one per socket plus %d spare; raise `ulimit -n` for more",
        requested, fits, limit, own, server > 0 ? String.valueOf(server) : "unknown", SPARE));
  }

  private static long ownLimit() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
      return unix.getMaxFileDescriptorCount();
    }
    return Long.MAX_VALUE;
  }

  /** The soft "Max open files" of another process, or -1. */
  private static long limitOf(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "limits"))) {
        if (line.startsWith("Max open files")) {
          return Long.parseLong(line.substring("Max open files".length()).trim().split("\\s+")[0]);
        }
      }
    } catch (Exception e) {
      // not Linux, or not ours to read
    }
    return -1;
  }
}
