package app.spotter.coaching;

import app.spotter.coaching.ProgressRepository.VolumeRow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Working sets per muscle and ISO week (docs/coaching.md, "Weekly volume"): every week of the span,
 * oldest first, with the muscles trained that week ({@code sets}: 1 per primary, 0.5 per secondary
 * muscle), and {@code muscles}, every muscle of the span, most sets first: a chart's rows.
 */
final class WeeklyVolume {
  private WeeklyVolume() {}

  /** {@code rows}: a row per week and muscle trained, a row with a null muscle for an idle week, weeks in order. */
  static JsonObject of(List<VolumeRow> rows, String timeZone) {
    Map<LocalDate, JsonObject> weeks = new LinkedHashMap<>();
    Map<String, Double> totals = new LinkedHashMap<>();
    for (VolumeRow row : rows) {
      JsonObject sets = weeks.computeIfAbsent(row.week(), week -> new JsonObject());
      if (row.muscle() != null) {
        sets.put(row.muscle(), row.sets());
        totals.merge(row.muscle(), row.sets(), Double::sum);
      }
    }
    JsonArray weekList = new JsonArray();
    weeks.forEach((start, sets) -> weekList.add(new JsonObject().put("week", isoWeek(start))
        .put("start", start.toString()).put("sets", sets)));
    List<String> muscles = new ArrayList<>(totals.keySet());
    muscles.sort(Comparator.comparing((String m) -> -totals.get(m)).thenComparing(Comparator.naturalOrder()));
    return new JsonObject().put("timeZone", timeZone).put("weeks", weekList).put("muscles", new JsonArray(muscles));
  }

  /** 2026-12-28 → "2026-W53": the week-based year, which differs from the calendar year around New Year. */
  private static String isoWeek(LocalDate monday) {
    return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
