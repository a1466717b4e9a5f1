package app.spotter.live.command;

import static app.spotter.live.command.LiveCommand.Writes.EVENT_STATEMENT;
import static app.spotter.live.command.LiveCommand.Writes.TRANSACTION;

import app.spotter.record.SetTarget;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

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
            SetCommands::updateSet, SetCommands::prefetchSet),
        new LiveCommand("delete-set", "set-deleted", "LiveDeleteSet", LiveCommand.TRAINER, TRANSACTION,
            SetCommands::deleteSet, SetCommands::prefetchSet),
        new LiveCommand("record-rpe", "rpe-recorded", "LiveRecordRpe", LiveCommand.TRAINER_OR_TRAINEE, EVENT_STATEMENT,
            SetCommands::recordRpe, SetCommands::prefetchSet));
  }

  /** Prefetch of a command that changes or deletes one set: the set (its exercise, when read) and its exercise's records. */
  private static void prefetchSet(CommandReads reads) {
    reads.set("exerciseRecordId");
    reads.records("exerciseRecordId");
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
    return changeSet(c, set -> {
      copyValues(c.payload, set);
      return new JsonObject().put("set", set);
    });
  }

  private static Future<JsonObject> recordRpe(CommandContext c) {
    return changeSet(c, set -> {
      set.put("rpe", c.payload.getValue("rpe"));
      return new JsonObject().put("setId", set.getString("id")).put("rpe", set.getValue("rpe")).put("set", set);
    });
  }

  /** Removes the set and renumbers the rest 1..n. */
  private static Future<JsonObject> deleteSet(CommandContext c) {
    return c.reads.set("exerciseRecordId").compose(found -> c.exercise("exerciseRecordId").compose(exercise -> {
      String setId = found.set().getString("id");
      JsonArray rest = new JsonArray();
      for (Object set : exercise.getJsonArray("sets")) {
        if (!setId.equals(((JsonObject) set).getString("id"))) {
          rest.add(((JsonObject) set).copy().put("number", rest.size() + 1));
        }
      }
      c.rewriteSets(exercise.put("sets", rest));
      return withRecords(c, found.exerciseId(), setId, null, new JsonObject().put("setId", setId));
    }));
  }

  /** A change to one existing set of the named exercise, made on a copy that its event then writes. */
  private static Future<JsonObject> changeSet(CommandContext c, Function<JsonObject, JsonObject> change) {
    return c.reads.set("exerciseRecordId").compose(found -> {
      JsonObject set = found.set().copy();
      JsonObject payload = change.apply(set);
      c.updateSet(found, set);
      return withRecords(c, found.exerciseId(), set.getString("id"), set, payload);
    });
  }

  /**
   * The event's payload for a set changed to {@code changed} (null: deleted): when the change moves
   * personal records, with the set's {@code records} as they now stand.
   */
  private static Future<JsonObject> withRecords(CommandContext c, UUID exerciseId, String setId, JsonObject changed,
      JsonObject payload) {
    return SetRecords.changed(c, exerciseId, setId, changed).map(records -> {
      if (records != null && changed != null) {
        payload.put("records", records);
      }
      return payload.put("exerciseRecordId", exerciseId.toString());
    });
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
}
