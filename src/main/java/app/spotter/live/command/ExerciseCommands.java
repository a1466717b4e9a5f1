package app.spotter.live.command;

import static app.spotter.live.command.LiveCommand.Writes.TRANSACTION;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;

/** Commands on an exercise record as a whole: start, complete, skip, rate, add, modify. */
final class ExerciseCommands {
  private static final List<String> MODIFIABLE =
      List.of("exerciseName", "targetSets", "targetReps", "targetWeight", "targetRpe", "restBetweenSets",
          "supersetGroup", "modificationNotes");

  private ExerciseCommands() {}

  static List<LiveCommand> all() {
    return List.of(
        new LiveCommand("start-exercise", "exercise-started", "LiveStartExercise", LiveCommand.TRAINER, TRANSACTION,
            ExerciseCommands::start, LiveCommand.NAMED_EXERCISE),
        new LiveCommand("complete-exercise", "exercise-completed", "LiveCompleteExercise", LiveCommand.TRAINER,
            TRANSACTION, ExerciseCommands::complete, LiveCommand.NAMED_EXERCISE),
        new LiveCommand("skip-exercise", "exercise-skipped", "LiveSkipExercise", LiveCommand.TRAINER, TRANSACTION,
            ExerciseCommands::skip, LiveCommand.NAMED_EXERCISE),
        new LiveCommand("rate-form", "form-rated", "LiveRateForm", LiveCommand.TRAINER, TRANSACTION,
            ExerciseCommands::rateForm, LiveCommand.NAMED_EXERCISE),
        new LiveCommand("add-exercise", "exercise-added", "LiveAddExercise", LiveCommand.TRAINER, TRANSACTION,
            ExerciseCommands::add),
        new LiveCommand("modify-exercise", "exercise-modified", "LiveModifyExercise", LiveCommand.TRAINER,
            TRANSACTION, ExerciseCommands::modify, LiveCommand.NAMED_EXERCISE));
  }

  /** The trainer's copy carries the exercise's injury {@code flags}: the tablet warns as it becomes current. */
  private static Future<JsonObject> start(CommandContext c) {
    return c.exercise("exerciseRecordId").compose(exercise -> {
      if (exercise.getString("startedAt") == null) {
        exercise.put("startedAt", c.nowIso());
      }
      c.session.currentExerciseRecordId = c.uuid("exerciseRecordId");
      return c.save(exercise);
    }).compose(saved -> c.injuryFlags(c.uuid("exerciseRecordId")).map(flags -> new JsonObject()
        .put("exerciseRecordId", saved.getString("id"))
        .put("startedAt", saved.getString("startedAt"))
        .put("currentExerciseRecordId", saved.getString("id"))
        .put("flags", flags)));
  }

  private static Future<JsonObject> complete(CommandContext c) {
    return c.exercise("exerciseRecordId").compose(exercise -> {
      exercise.put("completed", true).put("skipped", false).put("completedAt", c.nowIso());
      if (c.payload.getValue("perceivedExertion") != null) {
        exercise.put("perceivedExertion", c.payload.getValue("perceivedExertion"));
      }
      return c.save(exercise);
    }).map(saved -> new JsonObject()
        .put("exerciseRecordId", saved.getString("id"))
        .put("perceivedExertion", saved.getValue("perceivedExertion"))
        .put("completedAt", saved.getString("completedAt")));
  }

  private static Future<JsonObject> skip(CommandContext c) {
    return c.exercise("exerciseRecordId").compose(exercise -> {
      exercise.put("skipped", true).put("completed", false).put("completedAt", c.nowIso())
          .put("skipReason", c.payload.getString("reason"));
      return c.save(exercise);
    }).map(saved -> new JsonObject()
        .put("exerciseRecordId", saved.getString("id"))
        .put("reason", saved.getString("skipReason"))
        .put("completedAt", saved.getString("completedAt")));
  }

  private static Future<JsonObject> rateForm(CommandContext c) {
    return c.exercise("exerciseRecordId")
        .compose(exercise -> c.save(exercise.put("formRating", c.payload.getValue("formRating"))))
        .map(saved -> new JsonObject()
            .put("exerciseRecordId", saved.getString("id"))
            .put("formRating", saved.getValue("formRating")));
  }

  /**
   * The new record's id is the client's, so it can refer to it before the ack arrives. An exerciseId
   * that is unknown or another trainer's is not-found, as such an id is on REST (404). The trainer's
   * copy of the exercise carries its injury {@code flags}.
   */
  private static Future<JsonObject> add(CommandContext c) {
    UUID id = c.uuid("exerciseRecordId");
    String after = c.payload.getString("afterExerciseRecordId");
    Future<Integer> position = after == null
        ? c.exercises().nextOrderIndex(c.tx(), c.session.id)
        : c.exercise("afterExerciseRecordId").compose(previous -> {
          int index = previous.getInteger("orderIndex") + 1;
          return c.live().makeRoomAt(c.tx(), c.session.id, index).map(index);
        });
    return c.live().exerciseExists(c.tx(), id).compose(exists -> exists
            ? Future.failedFuture(CommandRejected.conflict("exercise record " + id + " already exists"))
            : position)
        .compose(index -> c.live().insertExercise(c.tx(), c.session, id, c.payload, index))
        .compose(inserted -> inserted ? c.exercises().find(c.tx(), c.session.id, id)
            : Future.failedFuture(CommandRejected.notFound("exerciseId: no such exercise in the library or yours")))
        .compose(added -> c.injuryFlags(id).map(flags -> new JsonObject()
            .put("exerciseRecordId", id.toString())
            .put("afterExerciseRecordId", after)
            .put("exercise", added.orElseThrow().put("flags", flags))));
  }

  /** A new name may make the exercise another one for personal records: the session's records are replayed. */
  private static Future<JsonObject> modify(CommandContext c) {
    return c.exercise("exerciseRecordId").compose(exercise -> {
      String name = exercise.getString("exerciseName");
      for (String field : MODIFIABLE) {
        if (c.payload.containsKey(field)) {
          exercise.put(field, c.payload.getValue(field));
        }
      }
      boolean renamed = !name.equals(exercise.getString("exerciseName"));
      return c.save(exercise).compose(saved -> renamed
          ? c.records().refreshSession(c.tx(), c.session.id).map(saved) : Future.succeededFuture(saved));
    }).map(saved -> {
      JsonObject event = new JsonObject().put("exerciseRecordId", saved.getString("id"));
      MODIFIABLE.forEach(field -> event.put(field, saved.getValue(field)));
      return event;
    });
  }
}
