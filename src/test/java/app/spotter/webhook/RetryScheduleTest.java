package app.spotter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
  private static final Instant EVENT = Instant.parse("2025-11-25T10:00:00Z");
  private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5));

  private Duration gapAfter(int failures) {
    Instant now = EVENT.plusSeconds(60);
    return Duration.between(now, schedule.next(failures, EVENT, now).orElseThrow());
  }

  @Test
  @DisplayName("retries come 5 s, 10 s, 20 s … after each failure, never more than an hour apart")
  void doublingGaps() {
    assertThat(gapAfter(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(gapAfter(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(gapAfter(3)).isEqualTo(Duration.ofSeconds(20));
    assertThat(gapAfter(10)).isEqualTo(Duration.ofSeconds(2560));
    assertThat(gapAfter(11)).isEqualTo(Duration.ofHours(1));
    assertThat(gapAfter(1000)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  @DisplayName("no retry is planned beyond 24 hours after the event: the delivery then failed")
  void window() {
    Instant late = EVENT.plus(Duration.ofHours(23)).plusSeconds(3590);
    assertThat(schedule.next(1, EVENT, late)).contains(late.plusSeconds(5));
    assertThat(schedule.next(1, EVENT, late.plusSeconds(6))).isEmpty();
  }
}
