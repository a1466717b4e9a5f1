package app.spotter.load.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * One trainer's part of the REST mix: its token, the trainees it reads and edits with their session
 * records, and the trainees that only get measurements. A trainee is edited by one PATCH at a time,
 * with the ETag of the previous answer, so If-Match never races; a PATCH that finds all of the
 * trainer's trainees busy waits for the first to come back (the wait counts in its latency).
 */
final class TrainerRoster {
  /** A trainee free to edit and its current ETag. */
  record Editable(String traineeId, String etag) {}

  final String token;
  final List<String> trainees;
  /** {@code records.get(i)}: the session records of {@code trainees.get(i)}. */
  final List<List<String>> records;
  final List<String> weighed;
  private final Deque<Editable> free = new ArrayDeque<>();
  private final Deque<Consumer<Editable>> waiting = new ArrayDeque<>();

  TrainerRoster(String token, List<Editable> editable, List<List<String>> records, List<String> weighed) {
    this.token = token;
    this.trainees = editable.stream().map(Editable::traineeId).toList();
    this.records = records;
    this.weighed = weighed;
    free.addAll(editable);
  }

  /** Hands a free trainee to {@code edit}, now or when one comes back; true when it had to wait. */
  boolean edit(Consumer<Editable> edit) {
    Editable e;
    synchronized (this) {
      e = free.poll();
      if (e == null) {
        waiting.add(edit);
        return true;
      }
    }
    edit.accept(e);
    return false;
  }

  /** Gives an edited trainee back, with the ETag it has now. */
  void done(Editable edited) {
    Consumer<Editable> next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        free.add(edited);
        return;
      }
    }
    next.accept(edited);
  }
}
