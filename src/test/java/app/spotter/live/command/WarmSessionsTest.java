package app.spotter.live.command;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.live.command.LiveRepository.EventSave;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What an instance keeps of its sessions' last commits, and how much of it. */
class WarmSessionsTest {
  private final AtomicLong clock = new AtomicLong(1_000_000);
  private final WarmSessions warm = new WarmSessions(2, 60_000, clock::get);

  /** A note committed at {@code seq} on a live session read at {@code version}. */
  private static EventSave note(UUID session, int version, long seq, String status) {
    return note(session, version, seq, status, "note");
  }

  private static EventSave note(UUID session, int version, long seq, String status, String notes) {
    LiveSessionRow row = new LiveSessionRow(session, UUID.randomUUID(), UUID.randomUUID(), seq - 1, version, status,
        null, null, notes, null, null);
    LiveEvent event = new LiveEvent(session, seq, "note-added", new JsonObject(), 0, "trainer", UUID.randomUUID());
    return new EventSave(row, event, UUID.randomUUID().toString(), null, null, null, false);
  }

  private void commit(UUID session, int version, long seq) {
    warm.committed(note(session, version, seq, "live"), Optional.empty(), null);
  }

  @Test
  @DisplayName("a commit is kept at the version it stored; an older commit heard late does not replace a newer one")
  void newestCommitKept() {
    UUID session = UUID.randomUUID();
    commit(session, 4, 8);
    commit(session, 3, 7);

    assertThat(warm.get(session).row().version).isEqualTo(5);
    assertThat(warm.get(session).row().seq).isEqualTo(8);
  }

  @Test
  @DisplayName("an ended session is not kept")
  void endedDropped() {
    UUID session = UUID.randomUUID();
    commit(session, 1, 1);

    warm.committed(note(session, 2, 2, "completed"), Optional.empty(), null);

    assertThat(warm.get(session)).isNull();
  }

  @Test
  @DisplayName("a session whose notes are long is not kept")
  void longNotesDropped() {
    UUID session = UUID.randomUUID();
    commit(session, 1, 1);

    warm.committed(note(session, 2, 2, "live", "x".repeat(WarmSessions.MAX_NOTES + 1)), Optional.empty(), null);

    assertThat(warm.get(session)).isNull();
  }

  @Test
  @DisplayName("at the bound, sessions idle for longer than the idle time go first, then all")
  void bounded() {
    UUID idle = UUID.randomUUID();
    UUID busy = UUID.randomUUID();
    commit(idle, 1, 1);
    clock.addAndGet(61_000);
    commit(busy, 1, 1);

    UUID third = UUID.randomUUID();
    commit(third, 1, 1);
    assertThat(warm.get(idle)).as("idle for 61 s").isNull();
    assertThat(warm.get(busy)).isNotNull();

    UUID fourth = UUID.randomUUID();
    commit(fourth, 1, 1);
    assertThat(warm.get(busy)).as("none idle: all go").isNull();
    assertThat(warm.get(third)).isNull();
    assertThat(warm.get(fourth)).isNotNull();
  }
}
