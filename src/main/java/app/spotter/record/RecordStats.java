package app.spotter.record;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * A record's headline numbers, from its exercises inline: duration, working sets, volume (reps ×
 * weight of working sets; warm-ups never count) in kg, average RPE of working sets and average form
 * rating. A number with nothing to count from is null.
 */
final class RecordStats {
  private static final double KG_PER_LB = 0.45359237;

  private RecordStats() {}

  static JsonObject of(JsonObject record) {
    Stream<JsonObject> exercises = record.getJsonArray("exercises").stream().map(JsonObject.class::cast);
    var working = exercises.flatMap(e -> e.getJsonArray("sets").stream().map(JsonObject.class::cast))
        .filter(set -> !"warmup".equals(set.getString("kind")))
        .toList();
    double volume = working.stream()
        .filter(set -> set.getNumber("reps") != null && set.getNumber("weight") != null)
        .mapToDouble(set -> set.getInteger("reps") * kilograms(set))
        .sum();
    var rpe = working.stream().filter(set -> set.getNumber("rpe") != null).mapToDouble(set -> set.getDouble("rpe"))
        .average();
    var form = record.getJsonArray("exercises").stream().map(JsonObject.class::cast)
        .filter(e -> e.getNumber("formRating") != null).mapToInt(e -> e.getInteger("formRating")).average();
    return new JsonObject()
        .put("durationSeconds", durationSeconds(record))
        .put("workingSets", working.size())
        .put("volume", tenths(volume))
        .put("averageRpe", rpe.isPresent() ? tenths(rpe.getAsDouble()) : null)
        .put("formRating", form.isPresent() ? tenths(form.getAsDouble()) : null);
  }

  private static double kilograms(JsonObject set) {
    double weight = set.getDouble("weight");
    return "lb".equals(set.getString("unit")) ? weight * KG_PER_LB : weight;
  }

  private static Long durationSeconds(JsonObject record) {
    String start = record.getString("startTime");
    String end = record.getString("endTime");
    return start == null || end == null ? null : Duration.between(Instant.parse(start), Instant.parse(end)).toSeconds();
  }

  private static double tenths(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
