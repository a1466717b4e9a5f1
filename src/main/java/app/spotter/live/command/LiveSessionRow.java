package app.spotter.live.command;

import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * The live columns of a session record as a command read them. Commands change the mutable fields;
 * {@link LiveRepository.EventSave} writes them back with the next seq, if the row's version is
 * still the one read.
 */
final class LiveSessionRow {
  final UUID id;
  final UUID trainerId;
  final UUID traineeId;
  final long seq;
  final int version;
  String status;
  UUID currentExerciseRecordId;
  JsonObject timer;
  String trainerNotes;
  JsonObject traineeFeedback;
  String endTime;

  LiveSessionRow(UUID id, UUID trainerId, UUID traineeId, long seq, int version, String status,
      UUID currentExerciseRecordId, JsonObject timer, String trainerNotes, JsonObject traineeFeedback, String endTime) {
    this.id = id;
    this.trainerId = trainerId;
    this.traineeId = traineeId;
    this.seq = seq;
    this.version = version;
    this.status = status;
    this.currentExerciseRecordId = currentExerciseRecordId;
    this.timer = timer;
    this.trainerNotes = trainerNotes;
    this.traineeFeedback = traineeFeedback;
    this.endTime = endTime;
  }

  /** A copy, for a command to change. */
  LiveSessionRow copy() {
    return new LiveSessionRow(id, trainerId, traineeId, seq, version, status, currentExerciseRecordId,
        timer == null ? null : timer.copy(), trainerNotes, traineeFeedback == null ? null : traineeFeedback.copy(), endTime);
  }

  /** The row as its event's statement stored it: at {@code seq}, its version moved on. */
  LiveSessionRow committed(long seq) {
    return new LiveSessionRow(id, trainerId, traineeId, seq, version + 1, status, currentExerciseRecordId,
        timer == null ? null : timer.copy(), trainerNotes, traineeFeedback == null ? null : traineeFeedback.copy(), endTime);
  }

  boolean isLive() {
    return "live".equals(status);
  }
}
