package app.spotter.live;

import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * The live columns of a session record, read under its row lock. Commands change the mutable
 * fields; {@link LiveRepository#saveSession} writes them back with the next seq.
 */
final class LiveSessionRow {
  final UUID id;
  final UUID trainerId;
  final UUID traineeId;
  final long seq;
  String status;
  UUID currentExerciseRecordId;
  JsonObject timer;
  String trainerNotes;
  JsonObject traineeFeedback;
  String endTime;

  LiveSessionRow(UUID id, UUID trainerId, UUID traineeId, long seq, String status, UUID currentExerciseRecordId,
      JsonObject timer, String trainerNotes, JsonObject traineeFeedback, String endTime) {
    this.id = id;
    this.trainerId = trainerId;
    this.traineeId = traineeId;
    this.seq = seq;
    this.status = status;
    this.currentExerciseRecordId = currentExerciseRecordId;
    this.timer = timer;
    this.trainerNotes = trainerNotes;
    this.traineeFeedback = traineeFeedback;
    this.endTime = endTime;
  }

  boolean isLive() {
    return "live".equals(status);
  }
}
