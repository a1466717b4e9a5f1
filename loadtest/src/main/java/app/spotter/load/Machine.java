package app.spotter.load;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;

/** The box the run happened on: what a figure means depends on it. */
final class Machine {
  private Machine() {}

  static JsonObject describe() {
    return new JsonObject()
        .put("cores", Runtime.getRuntime().availableProcessors())
        .put("memoryMb", memoryMb())
        .put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"))
        .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"))
        .put("openFileLimit", openFileLimit())
        .put("loadAverageAtStart", loadAverage());
  }

  private static long memoryMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (Exception ignored) {
      // not Linux: fall back to what the JVM knows
    }
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os.getTotalMemorySize() / (1024 * 1024);
  }

  /** 1, 5 and 15 minute load averages: other work on the box skews every figure. */
  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return "unknown";
    }
  }

  /** The generator's open-file limit (each socket is a file descriptor, on both ends). */
  private static String openFileLimit() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
        if (line.startsWith("Max open files")) {
          return line.replaceAll("Max open files\\s+", "").replaceAll("\\s+", " ").trim();
        }
      }
    } catch (Exception ignored) {
      // not Linux
    }
    return "unknown";
  }
}
