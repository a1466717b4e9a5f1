package app.spotter.load.report;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Writes a run's result as JSON, a Markdown summary and an SVG latency chart, side by side. */
public final class Report {
  static final String LATENCY_HEADER = "| | count | p50 | p90 | p99 | p99.9 | max |\n|---|---:|---:|---:|---:|---:|---:|\n";
  private Report() {}

  /** Writes {@code <base>.json}, {@code <base>.md} and {@code <base>.svg} into {@code dir}; returns the Markdown. */
  public static String write(Path dir, String base, JsonObject result, Map<String, Histogram> chart) throws IOException {
    Files.createDirectories(dir);
    String svgName = base + ".svg";
    Files.writeString(dir.resolve(svgName), SvgChart.render(
        "Spotter " + result.getString("scenario") + ": latency by percentile", chart));
    String markdown = markdown(result, svgName);
    Files.writeString(dir.resolve(base + ".json"), result.encodePrettily());
    Files.writeString(dir.resolve(base + ".md"), markdown);
    return markdown;
  }

  static String markdown(JsonObject r, String svgName) {
    StringBuilder md = new StringBuilder();
    md.append("# Spotter load test: ").append(r.getString("scenario")).append(" — ").append(r.getString("startedAt"))
        .append("\n\n**").append(r.getBoolean("passed", false) ? "PASSED" : "FAILED").append("**\n\n");
    section(md, "Setup");
    JsonObject m = r.getJsonObject("machine", new JsonObject());
    row(md, "machine", m.getValue("cores") + " cores, " + m.getValue("memoryMb") + " MB, " + m.getValue("java")
        + "; load average at start " + m.getValue("loadAverageAtStart") + "; open files " + m.getValue("openFileLimit"));
    row(md, "target", r.getString("target"));
    row(md, "command", "`" + r.getString("command") + "`");
    switch (r.getString("scenario")) {
      case "connections" -> ConnectionsMarkdown.append(md, r);
      case "http" -> HttpMarkdown.append(md, r);
      default -> fanout(md, r);
    }
    errors(md, r);
    md.append("\n![latency by percentile](").append(svgName).append(")\n");
    return md.toString();
  }

  private static void fanout(StringBuilder md, JsonObject r) {
    JsonObject setup = r.getJsonObject("setup");
    JsonObject load = r.getJsonObject("load");
    if (setup != null) {
      row(md, "trainers / sessions / sockets", setup.getValue("trainers") + " / " + setup.getValue("sessions") + " / "
          + setup.getValue("sockets") + " (" + setup.getValue("displaysPerSession") + " display(s) per session, "
          + setup.getValue("trainerDisplays") + " per trainer following all its sessions)");
      row(md, "setup (REST) / connect+subscribe", setup.getValue("restSeconds") + " s / " + setup.getValue("connectSeconds") + " s");
    }
    if (load != null) {
      row(md, "load", "one command per session every " + load.getValue("intervalMs") + " ms ("
          + load.getValue("intendedCommandsPerSecond") + " commands/s), open arrival model; warm-up "
          + load.getValue("warmupSeconds") + " s, measured " + load.getValue("durationSeconds") + " s");
      row(md, "sent", load.getJsonObject("sent").encode());
      row(md, "acked / events received", load.getValue("acked") + " / " + load.getValue("eventsReceived"));
      row(md, "server-made events", load.getJsonObject("serverEvents").encode());
    }
    cpuRow(md, r, "the measured load");
    latencies(md, r, "command->ack");
    JsonObject floors = r.getJsonObject("floors");
    if (floors != null) {
      section(md, "Floors (same concurrency and interval)");
      md.append(LATENCY_HEADER);
      floors.getJsonObject("latencyMicros", new JsonObject()).forEach(e -> latencyRow(md, e.getKey(), (JsonObject) e.getValue()));
      floors.getJsonObject("cpu", new JsonObject()).forEach(e -> md.append("\nCPU during ").append(e.getKey())
          .append(" (whole floor run, 100 % = one core): ").append(((JsonObject) e.getValue()).encode()).append('\n'));
      floors.getJsonObject("skipped", new JsonObject()).forEach(e -> md.append("\n*").append(e.getKey())
          .append(" skipped:* ").append(e.getValue()).append('\n'));
      JsonObject ratios = floors.getJsonObject("ratios");
      if (ratios != null && !ratios.isEmpty()) {
        md.append("\n| ratio to the floor (socket round trip + one commit) | p50 | p99 |\n|---|---:|---:|\n");
        ratios.forEach(e -> {
          JsonObject q = (JsonObject) e.getValue();
          md.append("| ").append(e.getKey()).append(" | ").append(q.getValue("p50")).append(" × | ")
              .append(q.getValue("p99")).append(" × |\n");
        });
      }
    }
    section(md, "Correctness (every subscriber, every event, exactly once, in seq order)");
    counts(md, r.getJsonObject("correctness", new JsonObject()));
  }

  static void cpuRow(StringBuilder md, JsonObject r, String during) {
    JsonObject cpu = r.getJsonObject("cpu");
    if (cpu != null) {
      row(md, "CPU during " + during + " (100 % = one core)", cpu.encode());
    }
  }

  /** The latency table and the worst seconds of the histogram the timeline follows. */
  static void latencies(StringBuilder md, JsonObject r, String followed) {
    section(md, "Latency (ms, from the intended send time)");
    md.append(LATENCY_HEADER);
    r.getJsonObject("latencyMicros", new JsonObject()).forEach(e -> latencyRow(md, e.getKey(), (JsonObject) e.getValue()));
    if (r.getJsonArray("worstSeconds") != null && !r.getJsonArray("worstSeconds").isEmpty()) {
      md.append("\nWorst seconds of ").append(followed)
          .append(" (second of the measured window: p99 / max ms; CPU that second):\n\n");
      r.getJsonArray("worstSeconds").forEach(o -> {
        JsonObject s = (JsonObject) o;
        md.append("* ").append(s.getValue("second")).append(": ").append(ms(s.getLong("p99"))).append(" / ")
            .append(ms(s.getLong("max"))).append("; ").append(s.getJsonObject("cpu").encode()).append('\n');
      });
    }
  }

  private static void errors(StringBuilder md, JsonObject r) {
    section(md, "Errors");
    JsonObject errors = r.getJsonObject("errors", new JsonObject());
    if (errors.isEmpty()) {
      md.append("none\n");
    } else {
      counts(md, errors);
    }
  }

  static void latencyRow(StringBuilder md, String name, JsonObject s) {
    md.append("| ").append(name).append(" | ").append(s.getValue("count"));
    for (String q : new String[] {"p50", "p90", "p99", "p99.9", "max"}) {
      md.append(" | ").append(s.containsKey(q) ? ms(s.getLong(q)) : "–");
    }
    md.append(" |\n");
  }

  static void counts(StringBuilder md, JsonObject counts) {
    md.append("| | count |\n|---|---:|\n");
    counts.forEach(e -> md.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n"));
  }

  static void section(StringBuilder md, String title) {
    md.append("\n## ").append(title).append("\n\n");
    if ("Setup".equals(title)) {
      md.append("| | |\n|---|---|\n");
    }
  }

  static void row(StringBuilder md, String name, Object value) {
    md.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }

  static String ms(long micros) {
    return String.format(Locale.ROOT, micros < 10_000 ? "%.2f" : "%.1f", micros / 1000.0);
  }
}
