package app.spotter.record;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What {@code GET /session-records} narrows the history to; every part is optional (null). A record
 * starts at its start time, or at 00:00 UTC of its session date when it has none; {@code to} is exclusive.
 * {@code exercise} keeps records with an exercise whose {@code exerciseId} is it, or whose name is it
 * (both trimmed, compared case-insensitively).
 */
public record RecordFilter(UUID traineeId, OffsetDateTime from, OffsetDateTime to, String status, String exercise) {
  RecordFilter forTrainee(UUID traineeId) {
    return new RecordFilter(traineeId, from, to, status, exercise);
  }
}
