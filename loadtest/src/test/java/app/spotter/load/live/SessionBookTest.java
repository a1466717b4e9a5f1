package app.spotter.load.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.load.metrics.Counters;
import app.spotter.load.metrics.Latencies;
import app.spotter.load.metrics.Timeline;
import app.spotter.load.setup.Fleet.SessionSetup;
import app.spotter.load.setup.Fleet.TrainerSetup;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionBookTest {
  private static final long MS = 1_000_000;
  private final Latencies latencies = new Latencies();
  private final Counters counters = new Counters();
  private final SessionBook book = new SessionBook(new SessionSetup(0, new TrainerSetup(0, "t", "token", List.of()),
      "s", List.of("e1", "e2"), "trainee", "trainee-token", List.of()), latencies, counters, new Timeline(0));
  private final Object trainerSocket = new Object();
  private final Object traineeSocket = new Object();
  private final Stream trainer = book.follow(trainerSocket, "trainer");
  private final Stream trainee = book.follow(traineeSocket, "trainee");

  @Test
  @DisplayName("latency counts from the intended time, at the sender for the ack and at every other device for the event")
  void latencies() {
    book.snapshot(trainer, 0);
    book.snapshot(trainee, 0);
    book.sent(new SessionBook.Sent("c1", "log-set", trainerSocket, 100 * MS, true, "set-1", "e1"));
    book.ack("c1", 1, 103 * MS);
    book.event(trainer, 1, "set-logged", 104 * MS);
    book.event(trainee, 1, "set-logged", 105 * MS);

    assertThat(latencies.get(SessionBook.ACK).getMaxValue()).isBetween(2_990L, 3_010L);
    assertThat(latencies.get(SessionBook.OTHER).getTotalCount()).isEqualTo(1);
    assertThat(latencies.get("command->trainee").getMaxValue()).isBetween(4_990L, 5_010L);
    assertThat(book.settled()).isTrue();
  }

  @Test
  @DisplayName("an event that reaches another device before the ack reaches the sender is matched when the ack comes")
  void eventBeforeAck() {
    book.snapshot(trainer, 0);
    book.snapshot(trainee, 0);
    book.sent(new SessionBook.Sent("c1", "log-set", trainerSocket, 100 * MS, true, "set-1", "e1"));
    book.event(trainee, 1, "set-logged", 102 * MS);
    assertThat(latencies.get(SessionBook.OTHER)).isNull();

    book.ack("c1", 1, 103 * MS);
    assertThat(latencies.get(SessionBook.OTHER).getTotalCount()).isEqualTo(1);
    assertThat(book.lastSet()).containsExactly("e1", "set-1");
  }

  @Test
  @DisplayName("a subscriber missing the last event, an unanswered command and a server-made event are all tallied")
  void tally() {
    book.snapshot(trainer, 0);
    book.snapshot(trainee, 0);
    book.sent(new SessionBook.Sent("c1", "log-set", trainerSocket, 0, true, "set-1", "e1"));
    book.ack("c1", 1, MS);
    book.event(trainer, 1, "set-logged", MS);
    book.event(trainer, 2, "timer-finished", MS);
    book.event(trainee, 2, "timer-finished", MS);
    book.sent(new SessionBook.Sent("c2", "start-timer", trainerSocket, 0, true, null, null));

    assertThat(book.settled()).isFalse();
    book.tally(counters);
    assertThat(counters.get("correctness:lost")).isEqualTo(1);
    assertThat(counters.get("correctness:gaps")).isEqualTo(1);
    assertThat(counters.get("unanswered-commands")).isEqualTo(1);
    assertThat(counters.get("server-events:timer-finished")).isEqualTo(1);
  }
}
