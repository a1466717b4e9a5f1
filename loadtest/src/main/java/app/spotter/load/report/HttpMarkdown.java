package app.spotter.load.report;

import io.vertx.core.json.JsonObject;

/** The http scenario's part of the Markdown summary: the rate steps, the best rate, throughput against the bare read. */
final class HttpMarkdown {
  private HttpMarkdown() {}

  static void append(StringBuilder md, JsonObject r) {
    JsonObject setup = r.getJsonObject("setup", new JsonObject());
    JsonObject load = r.getJsonObject("load", new JsonObject());
    Report.row(md, "trainers / trainees", setup.getValue("trainers") + " / " + setup.getValue("trainees") + " (full profiles, "
        + setup.getValue("historyRecordsPerTrainee") + " completed session records each and a live one; "
        + setup.getValue("weighedTraineesPerTrainer") + " trainees per trainer only get measurements)");
    Report.row(md, "setup (REST)", setup.getValue("restSeconds") + " s fleet + " + setup.getValue("fixtureSeconds")
        + " s profiles and records");
    Report.row(md, "mix (%)", load.getJsonObject("mix").encode());
    JsonObject jit = load.getJsonObject("jitWarmUp");
    Report.row(md, "JIT warm-up (not measured)", "the mix at " + jit.getValue("rate") + "/s for " + jit.getValue("seconds")
        + " s; errors " + jit.getJsonObject("errors").encode());
    Report.row(md, "each rate", "open arrival model, latency from the intended send time; warm-up "
        + load.getValue("warmupSeconds") + " s, measured " + load.getValue("stepSeconds") + " s; passes with p99 under "
        + load.getValue("p99TargetMs") + " ms and no error");
    Object best = r.getValue("highestPassingRate");
    Report.section(md, "Rates (ms, from the intended send time)");
    md.append("**Highest rate whose p99 stays under ").append(load.getValue("p99TargetMs")).append(" ms: ")
        .append(best == null ? "none" : best + " requests/s").append("**\n\n");
    md.append("| rate /s | sent | answered in window | errors | p50 | p90 | p99 | max | passed | CPU gen / server / Postgres % |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
    r.getJsonArray("steps").forEach(o -> {
      JsonObject s = (JsonObject) o;
      JsonObject all = s.getJsonObject("latencyMicros").getJsonObject("all");
      JsonObject cpu = s.getJsonObject("cpu");
      long errors = s.getJsonObject("errors").stream().mapToLong(e -> ((Number) e.getValue()).longValue()).sum();
      md.append("| ").append(s.getValue("rate")).append(" | ").append(s.getValue("sent")).append(" | ")
          .append(s.getValue("answeredInWindow")).append(" | ").append(errors);
      for (String q : new String[] {"p50", "p90", "p99", "max"}) {
        md.append(" | ").append(all.containsKey(q) ? Report.ms(all.getLong(q)) : "–");
      }
      md.append(" | ").append(s.getBoolean("passed") ? "yes" : "no").append(" | ").append(cpu.getValue("generatorPercent"))
          .append(" / ").append(cpu.getValue("serverJvmPercent")).append(" / ").append(cpu.getValue("postgresPercent"))
          .append(" |\n");
    });
    r.getJsonArray("steps").stream().map(o -> (JsonObject) o)
        .filter(s -> best != null && s.getValue("rate").equals(best)).findFirst().ifPresent(s -> byKind(md, s));
    throughput(md, r.getJsonObject("throughput", new JsonObject()));
  }

  private static void byKind(StringBuilder md, JsonObject step) {
    md.append("\nBy kind at ").append(step.getValue("rate")).append("/s (mean response bytes: ")
        .append(step.getJsonObject("meanResponseBytes").encode()).append("; PATCHes that waited for a free trainee: ")
        .append(step.getValue("patchWaitsForFreeTrainee")).append("):\n\n").append(Report.LATENCY_HEADER);
    step.getJsonObject("latencyMicros").forEach(e -> Report.latencyRow(md, e.getKey(), (JsonObject) e.getValue()));
  }

  private static void throughput(StringBuilder md, JsonObject t) {
    Report.section(md, "Throughput at " + t.getValue("concurrency") + " connections (closed loop)");
    if (!t.containsKey("spotter")) {
      md.append("*skipped:* ").append(t.getString("skipped")).append('\n');
      return;
    }
    md.append("| | requests/s | errors | p50 | p99 | CPU (100 % = one core) |\n|---|---:|---:|---:|---:|---|\n");
    closedRow(md, "Spotter `GET /api/v1/trainees/{id}`", t.getJsonObject("spotter"));
    if (t.containsKey("bare")) {
      closedRow(md, "bare Vert.x + Postgres `GET /rows/{id}` (serverJvm = the bare server)", t.getJsonObject("bare"));
      md.append("\n**Spotter / bare: ").append(t.getValue("ratio")).append("** (target ≥ ").append(t.getValue("target"))
          .append(")\n");
    } else {
      md.append("\n*bare read skipped:* ").append(t.getString("skipped")).append('\n');
    }
  }

  private static void closedRow(StringBuilder md, String name, JsonObject c) {
    JsonObject l = c.getJsonObject("latencyMicros");
    md.append("| ").append(name).append(" | ").append(c.getValue("requestsPerSecond")).append(" | ")
        .append(c.getValue("errors")).append(" | ").append(l.containsKey("p50") ? Report.ms(l.getLong("p50")) : "–")
        .append(" | ").append(l.containsKey("p99") ? Report.ms(l.getLong("p99")) : "–").append(" | ")
        .append(c.getJsonObject("cpu").encode()).append(" |\n");
  }
}
