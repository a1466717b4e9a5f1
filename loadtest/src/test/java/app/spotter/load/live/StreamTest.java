package app.spotter.load.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StreamTest {
  private final Stream stream = new Stream(new Object(), "trainee");

  @Test
  @DisplayName("events after the snapshot, once each and in order, count as nothing wrong")
  void clean() {
    stream.snapshot(4);
    assertThat(stream.accept(5)).isTrue();
    assertThat(stream.accept(6)).isTrue();
    assertThat(stream.complete(6)).isTrue();
    assertThat(stream.duplicates + stream.reordered + stream.gaps + stream.lost(6)).isZero();
  }

  @Test
  @DisplayName("a repeated seq, or one already in the snapshot, is a duplicate and not a first delivery")
  void duplicates() {
    stream.snapshot(4);
    stream.accept(5);
    assertThat(stream.accept(5)).isFalse();
    assertThat(stream.accept(3)).isFalse();
    assertThat(stream.duplicates).isEqualTo(2);
  }

  @Test
  @DisplayName("a jump is a gap; the missing seq arriving later is reordered; one that never comes is lost")
  void gapsReorderedLost() {
    stream.snapshot(0);
    stream.accept(1);
    stream.accept(3);
    stream.accept(2);
    stream.accept(6);
    assertThat(stream.gaps).isEqualTo(2);
    assertThat(stream.reordered).isEqualTo(1);
    assertThat(stream.lost(7)).isEqualTo(3);
    assertThat(stream.complete(7)).isFalse();
  }

  @Test
  @DisplayName("an event before the snapshot is counted and not taken")
  void beforeSnapshot() {
    assertThat(stream.accept(1)).isFalse();
    assertThat(stream.beforeSnapshot).isEqualTo(1);
  }
}
