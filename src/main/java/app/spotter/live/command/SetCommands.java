package app.spotter.live.command;

import static app.spotter.live.command.LiveCommand.Writes.EVENT_STATEMENT;
import static app.spotter.live.command.LiveCommand.Writes.TRANSACTION;

import app.spotter.record.SetTarget;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;

/** log-set, update-set, delete-set, record-rpe: changes to an exercise record's {@code sets}. */
final class SetCommands {
  /** The set values a command may carry (the LiveSetFields schema). */
  private static final List<String> VALUES =
      List.of("kind", "reps", "weight", "unit", "rpe", "rir", "durationSeconds", "distanceMeters", "notes");

  private SetCommands() {}

  static List<LiveCommand> all() {
    return List.of(
        new LiveCommand("log-set", "set-logged", "LiveLogSet", LiveCommand.TRAINER, EVENT_STATEMENT,
            SetCommands::logSet, reads -> {
              reads.setTarget("exerciseRecordId");
              reads.records("exerciseRecordId");
            }),
        new LiveCommand("update-set", "set-updated", "LiveUpdateSet", LiveCommand.TRAINER, EVENT_STATEMENT,
            SetCommands::updateSet, SetRecords::prefetch),
        new LiveCommand("delete-set", "set-deleted", "LiveDeleteSet", LiveCommand.TRAINER, TRANSACTION,
            SetCommands::deleteSet, SetRecords::prefetch),
        new LiveCommand("record-rpe", "rpe-recorded", "LiveRecordRpe", LiveCommand.TRAINER_OR_TRAINEE, EVENT_STATEMENT,
            SetCommands::recordRpe, SetRecords::prefetch));
  }

  /**
   * Appends a set; a set id already logged in this session (by an earlier log-set, even of a set
   * deleted since, or already in this exercise's sets) is a conflict, never a second set.
   */
  private static Future<JsonObject> logSet(CommandContext c) {
    String setId = c.payload.getString("setId");
    return c.reads.setTarget("exerciseRecordId").compose(target -> {
      if (target.setIdTaken()) {
        return Future.failedFuture(CommandRejected.conflict("set " + setId + " was already logged by another command"));
      }
      if (!target.exists()) {
        return Future.failedFuture(CommandRejected.noSuchExercise());
      }
      JsonObject set = new JsonObject().put("id", setId).put("number", target.setCount() + 1).put("kind", "working");
      copyValues(c.payload, set);
      set.put("completedAt", c.nowIso()).put("loggedBy", c.actorJson());
      // Logging on an exercise makes it current (no start-exercise needed), or in a superset the next of its round.
      c.session.currentExerciseRecordId = SupersetRounds.currentAfterSet(target, "warmup".equals(set.getString("kind")));
      c.appendSet(target, set);
      JsonObject event = new JsonObject()
          .put("exerciseRecordId", target.id().toString())
          .put("set", set)
          .put("currentExerciseRecordId", c.session.currentExerciseRecordId.toString());
      return SetRecords.logged(c, target.id(), set).map(records -> records.isEmpty() ? event : event.put("records", records));
    });
  }

  private static Future<JsonObject> updateSet(CommandContext c) {
    return withSet(c, (exercise, sets, index) -> {
      JsonObject set = sets.getJsonObject(index);
      copyValues(c.payload, set);
      c.updateSet(exercise, set);
      return new JsonObject().put("set", set);
    });
  }

  /** Removes the set and renumbers the rest 1..n. */
  private static Future<JsonObject> deleteSet(CommandContext c) {
    return withSet(c, (exercise, sets, index) -> {
      sets.remove(index);
      for (int i = 0; i < sets.size(); i++) {
        sets.getJsonObject(i).put("number", i + 1);
      }
      c.rewriteSets(exercise);
      return new JsonObject().put("setId", c.payload.getString("setId"));
    });
  }

  private static Future<JsonObject> recordRpe(CommandContext c) {
    return withSet(c, (exercise, sets, index) -> {
      JsonObject set = sets.getJsonObject(index).put("rpe", c.payload.getValue("rpe"));
      c.updateSet(exercise, set);
      return new JsonObject().put("setId", set.getString("id")).put("rpe", set.getValue("rpe")).put("set", set);
    });
  }

  /**
   * A change to one existing set of the named exercise, made on a copy of its sets that the exercise
   * then holds; the change saves what it changed. A set id of another exercise is not found. When
   * the change moves personal records, its event carries the set's {@code records} as they now stand.
   */
  private static Future<JsonObject> withSet(CommandContext c, SetChange change) {
    String setId = c.payload.getString("setId");
    return c.exercise("exerciseRecordId").compose(exercise -> {
      JsonArray sets = exercise.getJsonArray("sets", new JsonArray()).copy();
      int index = indexOf(sets, setId);
      if (index < 0) {
        return Future.failedFuture(CommandRejected.notFound("no set " + setId + " in this exercise record"));
      }
      exercise.put("sets", sets);
      int before = sets.size();
      JsonObject payload = change.apply(exercise, sets, index);
      JsonObject changed = sets.size() < before ? null : sets.getJsonObject(index);
      return SetRecords.changed(c, UUID.fromString(exercise.getString("id")), setId, changed).map(records -> {
        if (records != null && changed != null) {
          payload.put("records", records);
        }
        return payload.put("exerciseRecordId", exercise.getString("id"));
      });
    });
  }

  private static int indexOf(JsonArray sets, String setId) {
    for (int i = 0; i < sets.size(); i++) {
      if (setId.equals(sets.getJsonObject(i).getString("id"))) {
        return i;
      }
    }
    return -1;
  }

  /** Present values replace, explicit nulls clear. */
  private static void copyValues(JsonObject from, JsonObject set) {
    for (String field : VALUES) {
      if (from.containsKey(field)) {
        Object value = from.getValue(field);
        if (value == null) {
          set.remove(field);
        } else {
          set.put(field, value);
        }
      }
    }
  }

  @FunctionalInterface
  private interface SetChange {
    JsonObject apply(JsonObject exercise, JsonArray sets, int index);
  }
}
