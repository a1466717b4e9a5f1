package app.spotter.coaching;

import static app.spotter.coaching.ProgressApiTest.exercise;
import static app.spotter.coaching.ProgressApiTest.set;
import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code GET /trainees/{id}/volume}: weekly working sets per muscle, weeks in the trainer's time zone. */
class WeeklyVolumeApiTest extends ApiTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static LocalDate monday(ZoneId zone, int weeksAgo) {
    return LocalDate.now(zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeksAgo);
  }

  private static JsonObject week(JsonObject volume, LocalDate start) {
    return volume.getJsonArray("weeks").stream().map(JsonObject.class::cast)
        .filter(w -> w.getString("start").equals(start.toString())).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("a set counts 1 per primary and 0.5 per secondary muscle; free names count by muscle groups, else unassigned")
  void shares() {
    Trainer trainer = registerTrainer();
    String maria = createTrainee(trainer.api(), "Maria Lopez");
    String date = monday(ZoneId.of("UTC"), 1).plusDays(2).toString();
    ProgressApiTest.session(trainer, maria, date, "completed",
        // quadriceps primary; calves, glutes, hamstrings, lower back secondary. The warm-up never counts.
        exercise("Back squat", "Barbell_Full_Squat", set("w", "warmup", 5, 60, "kg", null),
            set("a", "working", 5, 100, "kg", 8.0), set("b", "working", 5, 100, "kg", 8.0), set("c", "drop", 8, 70, "kg", null)),
        exercise("Landmine press", null, set("d", "working", 8, 30, "kg", null), set("e", "working", 8, 30, "kg", null))
            .put("muscleGroups", new JsonArray().add("Shoulders").add(" triceps")),
        exercise("Sled push", null, set("f", "working", 10, 40, "kg", null)));
    ProgressApiTest.session(trainer, maria, date, "scheduled",
        exercise("Back squat", "Barbell_Full_Squat", set("g", "working", 5, 100, "kg", 8.0)));

    Reply reply = trainer.api().get("/trainees/" + maria + "/volume");

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonObject volume = reply.json();
    assertThat(volume.getString("timeZone")).isEqualTo("UTC");
    JsonArray weeks = volume.getJsonArray("weeks");
    assertThat(weeks).as("twelve weeks by default, idle ones too").hasSize(12);
    assertThat(weeks.getJsonObject(11).getString("start")).isEqualTo(monday(ZoneId.of("UTC"), 0).toString());
    assertThat(weeks.getJsonObject(0).getString("start")).isEqualTo(monday(ZoneId.of("UTC"), 11).toString());
    assertThat(weeks.getJsonObject(0).getJsonObject("sets")).isEmpty();
    JsonObject week = weeks.getJsonObject(10);
    assertThat(week.getString("week")).matches("\\d{4}-W\\d{2}");
    assertThat(week.getJsonObject("sets")).isEqualTo(new JsonObject().put("quadriceps", 3.0).put("calves", 1.5)
        .put("glutes", 1.5).put("hamstrings", 1.5).put("lower back", 1.5).put("shoulders", 2.0).put("triceps", 2.0)
        .put("unassigned", 1.0));
    assertThat(volume.getJsonArray("muscles")).containsExactly("quadriceps", "shoulders", "triceps", "calves", "glutes",
        "hamstrings", "lower back", "unassigned");
  }

  @Test
  @DisplayName("a set done Sunday 23:30 in New York falls in that week for a New York trainer and in the next for a UTC one")
  void weekBoundaryInTrainerTimeZone() {
    Trainer trainer = registerTrainer();
    String maria = createTrainee(trainer.api(), "Maria Lopez");
    LocalDate sunday = monday(NEW_YORK, 2).minusDays(1);
    String lateSunday = ZonedDateTime.of(sunday, LocalTime.of(23, 30), NEW_YORK).toInstant().toString();
    ProgressApiTest.session(trainer, maria, sunday.toString(), "completed",
        exercise("Bench press", "Barbell_Bench_Press_-_Medium_Grip", set("a", "working", 5, 80, "kg", null).put("completedAt", lateSunday)));

    JsonObject utc = trainer.api().get("/trainees/" + maria + "/volume").json();
    Reply changed = trainer.api().patch("/me", new JsonObject().put("timeZone", "America/New_York"));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    JsonObject newYork = trainer.api().get("/trainees/" + maria + "/volume").json();

    assertThat(newYork.getString("timeZone")).isEqualTo("America/New_York");
    assertThat(week(newYork, monday(NEW_YORK, 3)).getJsonObject("sets"))
        .isEqualTo(new JsonObject().put("chest", 1.0).put("shoulders", 0.5).put("triceps", 0.5));
    assertThat(week(newYork, monday(NEW_YORK, 2)).getJsonObject("sets")).isEmpty();
    // In UTC the set was done on Monday, 03:30 or 04:30.
    LocalDate utcMonday = sunday.plusDays(1);
    assertThat(week(utc, utcMonday).getJsonObject("sets").getDouble("chest")).isEqualTo(1.0);
    assertThat(week(utc, utcMonday.minusWeeks(1)).getJsonObject("sets")).isEmpty();
  }

  @Test
  @DisplayName("weeks is 1 to 104: outside or not a number gets 400 naming it")
  void weeksParameter() {
    Trainer trainer = registerTrainer();
    String maria = createTrainee(trainer.api(), "Maria Lopez");

    assertThat(trainer.api().get("/trainees/" + maria + "/volume?weeks=1").json().getJsonArray("weeks")).hasSize(1);
    assertThat(trainer.api().get("/trainees/" + maria + "/volume?weeks=104").json().getJsonArray("weeks")).hasSize(104);
    for (String bad : new String[] {"0", "105", "-3", "twelve", "1.5"}) {
      Reply reply = trainer.api().get("/trainees/" + maria + "/volume?weeks=" + bad);
      assertThat(reply.status()).as(bad).isEqualTo(400);
      assertThat(reply.body()).as(bad).contains("weeks");
    }
  }
}
