package app.spotter.load.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RateStepsTest {
  /** The rates a search measures when the rates {@code passes} accepts pass. */
  private static List<Integer> search(RateSteps steps, IntPredicate passes) {
    List<Integer> rates = new ArrayList<>();
    for (OptionalInt next = steps.next(); next.isPresent(); next = steps.next()) {
      rates.add(next.getAsInt());
      steps.record(next.getAsInt(), passes.test(next.getAsInt()));
    }
    return rates;
  }

  @Test
  @DisplayName("without rates given it doubles from 100 until a rate fails, then bisects three times")
  void doublesThenBisects() {
    RateSteps steps = new RateSteps(List.of());
    assertThat(search(steps, r -> r <= 1000)).containsExactly(100, 200, 400, 800, 1600, 1200, 1000, 1100);
    assertThat(steps.highestPassing()).hasValue(1000);
  }

  @Test
  @DisplayName("when the first rate fails there is no passing rate and the search ends")
  void firstFails() {
    RateSteps steps = new RateSteps(List.of());
    assertThat(search(steps, r -> false)).containsExactly(100);
    assertThat(steps.highestPassing()).isEmpty();
  }

  @Test
  @DisplayName("rates given are measured all, in order; a pass above a failure does not count")
  void given() {
    RateSteps steps = new RateSteps(List.of(200, 400, 800, 1600));
    assertThat(search(steps, r -> r != 400)).containsExactly(200, 400, 800, 1600);
    assertThat(steps.highestPassing()).hasValue(200);
  }
}
