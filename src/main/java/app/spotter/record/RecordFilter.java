package app.spotter.record;

import java.time.LocalDate;
import java.util.UUID;

/** What {@code GET /session-records} narrows the history to; every part is optional (null). */
public record RecordFilter(UUID traineeId, LocalDate from, LocalDate to, String status) {
  RecordFilter forTrainee(UUID traineeId) {
    return new RecordFilter(traineeId, from, to, status);
  }
}
