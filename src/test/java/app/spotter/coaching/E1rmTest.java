package app.spotter.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.OptionalDouble;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The e1RM formula against values worked out by hand from the contract's chart. */
class E1rmTest {

  @Test
  @DisplayName("5 reps at RPE 8 is n = 7: 100 / 0.811 = 123.30 -> 123.3")
  void wholeN() {
    assertThat(E1rm.of("working", 100.0, 5, 8.0)).hasValue(123.3);
  }

  @Test
  @DisplayName("a set without RPE counts as RPE 10: 3 reps is n = 3, 100 / 0.922 = 108.46 -> 108.5")
  void noRpeIsTen() {
    assertThat(E1rm.of("working", 100.0, 3, null)).hasValue(108.5);
  }

  @Test
  @DisplayName("half an RPE lands between two whole n: n = 6.5, p = (0.837 + 0.811) / 2 = 0.824, 100 / 0.824 = 121.36 -> 121.4")
  void betweenWholeN() {
    assertThat(E1rm.of("working", 100.0, 5, 8.5)).hasValue(121.4);
  }

  @Test
  @DisplayName("a single at RPE 10 is the weight itself (p(1) = 1)")
  void single() {
    assertThat(E1rm.of("failure", 140.0, 1, 10.0)).hasValue(140.0);
  }

  @Test
  @DisplayName("n = 12 is the last in the chart: 100 / 0.680 = 147.06 -> 147.1; n = 12.5 and 13 have none")
  void chartEnds() {
    assertThat(E1rm.of("working", 100.0, 12, null)).hasValue(147.1);
    assertThat(E1rm.of("working", 100.0, 12, 9.5)).isEmpty();
    assertThat(E1rm.of("working", 100.0, 13, null)).isEmpty();
  }

  @Test
  @DisplayName("drop and failure sets count; warm-ups, sets without load and sets without reps never do")
  void onlyWork() {
    assertThat(E1rm.of("drop", 102.5, 2, 10.0)).as("102.5 / 0.955 = 107.33").hasValue(107.3);
    assertThat(E1rm.of("warmup", 100.0, 5, 8.0)).isEmpty();
    assertThat(E1rm.of("working", null, 5, 8.0)).isEmpty();
    assertThat(E1rm.of("working", 0.0, 5, 8.0)).isEmpty();
    assertThat(E1rm.of("working", 100.0, 0, 10.0)).isEmpty();
    assertThat(E1rm.of("working", 100.0, null, 10.0)).isEmpty();
  }

  @Test
  @DisplayName("a pound set converts exactly before rounding once: 225 lb x 5 @ 8 is 277.4 lb, 277.435 x 0.45359237 = 125.84 -> 125.8 kg")
  void poundsToKilograms() {
    LoggedSet set = LoggedSet.of(new JsonObject().put("kind", "working").put("reps", 5).put("weight", 225)
        .put("unit", "lb").put("rpe", 8), WeightUnit.KG);
    assertThat(set.e1rm(WeightUnit.LB)).hasValue(277.4);
    assertThat(set.e1rm(WeightUnit.KG)).hasValue(125.8);
    assertThat(set.weightIn(WeightUnit.KG)).as("225 x 0.45359237 = 102.06").isEqualTo(102.1);
  }

  @Test
  @DisplayName("1 lb is 0.45359237 kg exactly, both ways")
  void conversion() {
    assertThat(WeightUnit.LB.convert(1, WeightUnit.KG)).isEqualTo(0.45359237);
    assertThat(WeightUnit.KG.convert(0.45359237, WeightUnit.LB)).isEqualTo(1.0);
    assertThat(WeightUnit.KG.convert(100, WeightUnit.KG)).isEqualTo(100.0);
  }

  @Test
  @DisplayName("the better set: higher e1RM first, then heavier, then more reps; a set without unit is in the fallback unit")
  void better() {
    LoggedSet heavyTriple = LoggedSet.of(new JsonObject().put("reps", 3).put("weight", 100).put("unit", "kg"), WeightUnit.KG);
    LoggedSet lightFive = LoggedSet.of(new JsonObject().put("reps", 5).put("weight", 90).put("unit", "kg"), WeightUnit.KG);
    // 100 / 0.922 = 108.5 beats 90 / 0.863 = 104.3
    assertThat(LoggedSet.BETTER.compare(heavyTriple, lightFive)).isPositive();
    LoggedSet noE1rmHeavy = LoggedSet.of(new JsonObject().put("reps", 20).put("weight", 60), WeightUnit.LB);
    LoggedSet noE1rmLight = LoggedSet.of(new JsonObject().put("reps", 25).put("weight", 50), WeightUnit.LB);
    assertThat(noE1rmHeavy.unit()).isEqualTo(WeightUnit.LB);
    assertThat(LoggedSet.BETTER.compare(noE1rmHeavy, noE1rmLight)).isPositive();
    assertThat(noE1rmHeavy.e1rm(WeightUnit.KG)).isEqualTo(OptionalDouble.empty());
  }
}
