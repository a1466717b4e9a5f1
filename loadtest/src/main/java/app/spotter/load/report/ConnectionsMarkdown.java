package app.spotter.load.report;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** The connections scenario's part of the Markdown summary: sockets held, server memory per socket, pings. */
final class ConnectionsMarkdown {
  private ConnectionsMarkdown() {}

  static void append(StringBuilder md, JsonObject r) {
    JsonObject setup = r.getJsonObject("setup", new JsonObject());
    JsonObject load = r.getJsonObject("load", new JsonObject());
    Report.row(md, "trainers / sessions / sockets", setup.getValue("trainers") + " / " + setup.getValue("sessions")
        + " / " + setup.getValue("sockets") + " (" + setup.getValue("socketsPerSession")
        + " per session, with the trainer's, the trainee's and a display's token in turn)");
    Report.row(md, "subscribed", setup.getValue("subscribed") + " of " + setup.getValue("sockets") + " in "
        + setup.getValue("rampSeconds") + " s: " + setup.getValue("achievedPerSecond") + "/s (ramp at most "
        + setup.getValue("rampPerSecond") + "/s and " + setup.getValue("rampInFlight") + " opening at once); source addresses "
        + (setup.getJsonArray("localAddresses").isEmpty() ? "default" : setup.getJsonArray("localAddresses").encode()));
    Report.row(md, "CPU during the ramp (100 % = one core)", setup.getJsonObject("rampCpu").encode());
    Report.row(md, "open-file limit", "generator " + setup.getJsonObject("openFileLimit").getValue("generator")
        + ", server " + setup.getJsonObject("openFileLimit").getValue("server")
        + (setup.containsKey("capped") ? "; **" + setup.getString("capped") + "**" : ""));
    Report.row(md, "setup (REST)", setup.getValue("restSeconds") + " s");
    Report.row(md, "hold", load.getValue("pingsPerSecond") + " pings/s over random held sockets, open arrival model; "
        + "warm-up " + load.getValue("warmupSeconds") + " s, measured " + load.getValue("durationSeconds") + " s");
    Report.row(md, "pings measured / unanswered", load.getValue("pingsMeasured") + " / " + load.getValue("unansweredPings"));
    Report.row(md, "server heartbeat closes (4000)", load.getValue("heartbeatCloses"));
    if (!setup.getJsonArray("firstFailures").isEmpty()) {
      Report.row(md, "first failures", setup.getJsonArray("firstFailures").encode());
    }
    Report.cpuRow(md, r, "the hold");
    memory(md, r.getJsonObject("memory", new JsonObject()));
    Report.latencies(md, r, "ping->pong");
  }

  private static void memory(StringBuilder md, JsonObject memory) {
    Report.section(md, "Server memory (after a full GC: jcmd GC.run)");
    if (memory.containsKey("skipped")) {
      md.append("*skipped:* ").append(memory.getString("skipped")).append('\n');
      return;
    }
    JsonObject before = memory.getJsonObject("before");
    JsonObject after = memory.getJsonObject("after");
    JsonObject per = memory.getJsonObject("perSocket");
    md.append("| | before the ramp | after the ramp | per socket (").append(per.getValue("sockets"))
        .append(") |\n|---|---:|---:|---:|\n");
    memoryRow(md, "heap in use (GC.heap_info)", "heapUsedBytes", "heapBytes", before, after, per);
    memoryRow(md, "live objects (GC.class_histogram total)", "liveObjectBytes", "liveObjectBytes", before, after, per);
    memoryRow(md, "RSS of the server JVM (VmRSS)", "rssBytes", "rssBytes", before, after, per);
    memoryRow(md, "RSS of its children (embedded Redis)", "childrenRssBytes", "childrenRssBytes", before, after, per);
    md.append("\nClasses whose live bytes grew most over the ramp:\n\n```text\n").append(memory.getString("classGrowth"))
        .append("```\n\nTop of the class histogram after the ramp:\n\n```text\n")
        .append(memory.getString("classHistogramAfter")).append("\n```\n");
  }

  private static void memoryRow(StringBuilder md, String name, String key, String perKey, JsonObject before,
      JsonObject after, JsonObject per) {
    md.append("| ").append(name).append(" | ").append(mb(before.getLong(key))).append(" | ")
        .append(mb(after.getLong(key))).append(" | ").append(per.getValue(perKey)).append(" bytes |\n");
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }
}
