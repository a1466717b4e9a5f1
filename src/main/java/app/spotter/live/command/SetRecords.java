package app.spotter.live.command;

import app.spotter.coaching.PersonalRecordRepository.ForSet;
import app.spotter.coaching.PersonalRecords;
import app.spotter.coaching.RecordReplay;
import app.spotter.webhook.EventType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * The personal records a set command moves, for its event's {@code records}. A logged set's records,
 * their log and its {@code pr.achieved} webhook event go out in its event's statement, so they commit
 * with its event (batched like any other). A changed or deleted set that moves records replays the
 * exercise from its history, which runs under the session's lock.
 */
final class SetRecords {
  private SetRecords() {}

  /** The records {@code set}, logged now into the exercise, sets; an empty array for none. */
  static Future<JsonArray> logged(CommandContext c, UUID exerciseId, JsonObject set) {
    return c.reads.records("exerciseRecordId").compose(found -> {
      ForSet before = found.orElseThrow(CommandRejected::noSuchExercise);
      PersonalRecords.Logged logged = PersonalRecords.logged(before, c.session.id, exerciseId, set);
      if (!logged.changes()) {
        return Future.succeededFuture(new JsonArray());
      }
      c.recordsWithEvent(logged);
      JsonArray shown = PersonalRecords.shown(logged.log().stream().map(JsonObject.class::cast).toList(), before.unit());
      if (!shown.isEmpty()) {
        c.announce(EventType.PR_ACHIEVED, PersonalRecords.achieved(logged, c.session.id, exerciseId, set.getString("id")));
      }
      return Future.succeededFuture(shown);
    });
  }

  /**
   * The records of a set changed to {@code changed} (null: deleted), or null when the change moves
   * none: when the set was in the record log, or its new values would set a record, the exercise is
   * replayed from its history. (A changed set is judged against the records as they stand, which is
   * exact for the latest sets of an exercise, the ones a live session changes.)
   */
  static Future<JsonArray> changed(CommandContext c, UUID exerciseId, String setId, JsonObject changed) {
    return c.reads.records("exerciseRecordId").compose(found -> {
      ForSet before = found.orElseThrow(CommandRejected::noSuchExercise);
      boolean moves = before.inLog()
          || changed != null && PersonalRecords.logged(before, c.session.id, exerciseId, changed).changes();
      if (!moves) {
        return Future.succeededFuture(null);
      }
      return c.underLock()
          .compose(v -> c.records().replayWith(c.tx(), before, c.session.id, exerciseId, setId, changed))
          .map((RecordReplay replay) -> PersonalRecords.shown(replay.logOf(exerciseId.toString(), setId), before.unit()));
    });
  }
}
