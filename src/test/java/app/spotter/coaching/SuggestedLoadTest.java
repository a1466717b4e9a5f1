package app.spotter.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The suggested load against values worked out by hand from the contract's chart. */
class SuggestedLoadTest {
  private static final SuggestedLoad.Settings KG = new SuggestedLoad.Settings(WeightUnit.KG, 2.5);
  private static final SuggestedLoad.Settings LB = new SuggestedLoad.Settings(WeightUnit.LB, 5);

  private static JsonObject set(String kind, int reps, double weight, String unit, Double rpe) {
    JsonObject set = new JsonObject().put("kind", kind).put("reps", reps).put("weight", weight).put("unit", unit);
    return rpe == null ? set : set.put("rpe", rpe);
  }

  private static JsonObject exercise(Integer targetReps, Double targetRpe, JsonArray today, JsonArray lastSession) {
    return new JsonObject().put("targetReps", targetReps).put("targetRpe", targetRpe).put("sets", today)
        .put("previous", lastSession == null ? null : new JsonObject().put("date", "2026-11-10").put("sets", lastSession));
  }

  @Test
  @DisplayName("the docs' example: e1RM 112.5 kg, 5 reps @ 8 is p(7) = 0.811: 91.24 kg, down to 90 kg")
  void workedExample() {
    // Nothing today yet: the last session's single at 112.5 is the e1RM
    JsonObject fromLast = exercise(5, 8.0, new JsonArray(), new JsonArray().add(set("working", 1, 112.5, "kg", 10.0)));

    assertThat(SuggestedLoad.of(fromLast, KG)).isEqualTo(new JsonObject().put("weight", 90.0).put("e1rm", 112.5)
        .put("percent", 81.1).put("source", "last-session"));
  }

  @Test
  @DisplayName("today's best e1RM wins over the last session's, however lower: 100 x 3 @ 9 is 112.1, 112.1 x 0.811 = 90.9 -> 90")
  void todayFirst() {
    JsonObject exercise = exercise(5, 8.0,
        new JsonArray().add(set("working", 3, 100, "kg", 9.0)).add(set("warmup", 1, 140, "kg", 10.0)),
        new JsonArray().add(set("working", 1, 200, "kg", 10.0)));

    JsonObject suggestion = SuggestedLoad.of(exercise, KG);

    assertThat(suggestion.getString("source")).isEqualTo("today");
    assertThat(suggestion.getDouble("e1rm")).as("the warm-up single never counts").isEqualTo(112.1);
    assertThat(suggestion.getDouble("weight")).isEqualTo(90.0);
  }

  @Test
  @DisplayName("rounding is always down to the trainer's increment: 91.24 kg is 90 at 2.5, 91 at 1, 91.2 at 0.2")
  void roundsDown() {
    JsonObject exercise = exercise(5, 8.0, new JsonArray().add(set("working", 1, 112.5, "kg", 10.0)), null);

    assertThat(SuggestedLoad.of(exercise, KG).getDouble("weight")).isEqualTo(90.0);
    assertThat(SuggestedLoad.of(exercise, new SuggestedLoad.Settings(WeightUnit.KG, 1)).getDouble("weight")).isEqualTo(91.0);
    assertThat(SuggestedLoad.of(exercise, new SuggestedLoad.Settings(WeightUnit.KG, 0.2)).getDouble("weight")).isEqualTo(91.2);
    assertThat(SuggestedLoad.roundDown(90.0, 2.5)).as("a whole number of increments stays").isEqualTo(90.0);
    assertThat(SuggestedLoad.roundDown(0.3 * 3, 0.3)).as("0.8999… is three increments of 0.3").isEqualTo(0.9);
  }

  @Test
  @DisplayName("in pounds: 100 kg x 1 @ 10 is 220.5 lb, 8 reps @ 7 is p(11) = 0.707: 155.9 lb, down to 155 at 5 lb")
  void pounds() {
    JsonObject exercise = exercise(8, 7.0, new JsonArray().add(set("working", 1, 100, "kg", 10.0)), null);

    JsonObject suggestion = SuggestedLoad.of(exercise, LB);

    assertThat(suggestion.getDouble("e1rm")).isEqualTo(220.5);
    assertThat(suggestion.getDouble("percent")).isEqualTo(70.7);
    assertThat(suggestion.getDouble("weight")).isEqualTo(155.0);
  }

  @Test
  @DisplayName("half an RPE target lands between two whole n: 5 @ 8.5 is p(6.5) = 0.824, 120 x 0.824 = 98.9 -> 97.5")
  void halfRpe() {
    JsonObject exercise = exercise(5, 8.5, new JsonArray().add(set("working", 1, 120, "kg", null)), null);

    assertThat(SuggestedLoad.of(exercise, KG).getDouble("percent")).isEqualTo(82.4);
    assertThat(SuggestedLoad.of(exercise, KG).getDouble("weight")).isEqualTo(97.5);
  }

  @Test
  @DisplayName("no suggestion without targetReps or targetRpe, without any e1RM, off the chart, or under one increment")
  void none() {
    JsonArray heavy = new JsonArray().add(set("working", 1, 100, "kg", 10.0));
    assertThat(SuggestedLoad.of(exercise(null, 8.0, heavy, null), KG)).isNull();
    assertThat(SuggestedLoad.of(exercise(5, null, heavy, null), KG)).isNull();
    assertThat(SuggestedLoad.of(exercise(5, 8.0, new JsonArray().add(set("warmup", 5, 60, "kg", 5.0)), null), KG))
        .as("warm-ups only").isNull();
    assertThat(SuggestedLoad.of(exercise(5, 8.0, new JsonArray(), new JsonArray()), KG)).as("no working set ever").isNull();
    assertThat(SuggestedLoad.of(exercise(5, 8.0, new JsonArray().add(set("working", 15, 40, "kg", 6.0)), null), KG))
        .as("15 reps @ 6 has no e1RM").isNull();
    assertThat(SuggestedLoad.of(exercise(8, 6.0, heavy, null), KG)).as("n = 12 is on the chart").isNotNull();
    assertThat(SuggestedLoad.of(exercise(10, 6.0, heavy, null), KG)).as("n = 14 is not").isNull();
    assertThat(SuggestedLoad.of(exercise(1, 10.0, new JsonArray().add(set("working", 1, 2, "kg", 10.0)), null), KG))
        .as("2 kg is under one 2.5 kg increment").isNull();
  }
}
