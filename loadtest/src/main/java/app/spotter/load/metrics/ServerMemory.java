package app.spotter.load.metrics;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server JVM's memory as the JVM and the OS see it, read with {@code jcmd} (same machine, same
 * user) and /proc: heap in use right after a full GC, live objects by class, resident set size.
 */
public final class ServerMemory {
  private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
  private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(.+)$");
  private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)\\s*$");
  private final long pid;

  public ServerMemory(long pid) {
    this.pid = pid;
  }

  /**
   * One reading after a full GC: heap used (GC.heap_info), live objects by class (GC.class_histogram),
   * RSS of the JVM and of the processes it started (the embedded Redis).
   */
  public record Reading(long heapUsedBytes, long liveObjectBytes, long rssBytes, long childrenRssBytes,
      String histogram) {
    public JsonObject toJson() {
      return new JsonObject().put("heapUsedBytes", heapUsedBytes).put("liveObjectBytes", liveObjectBytes)
          .put("rssBytes", rssBytes).put("childrenRssBytes", childrenRssBytes);
    }
  }

  public Reading afterGc() throws IOException, InterruptedException {
    jcmd("GC.run");
    long heap = heapUsedKb(jcmd("GC.heap_info")) * 1024;
    String histogram = jcmd("GC.class_histogram");
    long children = ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
        .mapToLong(p -> rssBytes(p.pid())).sum();
    return new Reading(heap, histogramTotalBytes(histogram), rssBytes(pid), children, histogram);
  }

  /** Heap in use: the sum over the generations GC.heap_info lists (G1 lists one). */
  static long heapUsedKb(String heapInfo) {
    long used = 0;
    Matcher m = HEAP_USED.matcher(heapInfo);
    while (m.find()) {
      used += Long.parseLong(m.group(1));
    }
    return used;
  }

  static long histogramTotalBytes(String histogram) {
    for (String line : histogram.split("\n")) {
      Matcher m = HISTOGRAM_TOTAL.matcher(line);
      if (m.matches()) {
        return Long.parseLong(m.group(2));
      }
    }
    return -1;
  }

  /** The histogram's header, its first {@code n} rows and its total. */
  public static String top(String histogram, int n) {
    List<String> lines = List.of(histogram.split("\n"));
    List<String> out = new ArrayList<>();
    int rows = 0;
    for (String line : lines) {
      boolean row = HISTOGRAM_ROW.matcher(line).matches();
      if (line.startsWith(" num") || line.startsWith("---") || line.startsWith("Total") || row && rows++ < n) {
        out.add(line);
      }
    }
    return String.join("\n", out);
  }

  /** The {@code n} classes whose live bytes grew most from {@code before} to {@code after}, as a table. */
  public static String growth(String before, String after, int n) {
    Map<String, long[]> was = rows(before);
    record Grown(String name, long instances, long bytes) {}
    List<Grown> grown = new ArrayList<>();
    rows(after).forEach((name, now) -> {
      long[] old = was.getOrDefault(name, new long[2]);
      grown.add(new Grown(name, now[0] - old[0], now[1] - old[1]));
    });
    grown.sort(Comparator.comparingLong(Grown::bytes).reversed());
    StringBuilder out = new StringBuilder(String.format("%15s %15s  %s%n", "+instances", "+bytes", "class"));
    grown.stream().limit(n).forEach(g -> out.append(String.format("%15d %15d  %s%n", g.instances(), g.bytes(), g.name())));
    return out.toString();
  }

  private static Map<String, long[]> rows(String histogram) {
    Map<String, long[]> rows = new HashMap<>();
    for (String line : histogram.split("\n")) {
      Matcher m = HISTOGRAM_ROW.matcher(line);
      if (m.matches()) {
        rows.put(m.group(3).trim(), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
      }
    }
    return rows;
  }

  /** VmRSS of a process, or 0 when it is gone. */
  static long rssBytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone, or not Linux
    }
    return 0;
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(jcmdBinary(), String.valueOf(pid), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("jcmd " + pid + " " + command + " failed: " + out);
    }
    return out;
  }

  /** The jcmd next to this JVM's java, else the one on the PATH. */
  private static String jcmdBinary() {
    return ProcessHandle.current().info().command().map(java -> Path.of(java).resolveSibling("jcmd"))
        .filter(Files::isExecutable).map(Path::toString).orElse("jcmd");
  }
}
