package app.spotter.coaching;

import app.spotter.api.ApiException;
import app.spotter.auth.Principal;
import app.spotter.auth.Role;
import app.spotter.coaching.ProgressRepository.ExerciseRow;
import app.spotter.coaching.ProgressRepository.Found;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.UUID;

/**
 * A trainee's progress per exercise and weekly volume per muscle, for their trainer or the trainee
 * themself (any other trainee: 404, like their profile).
 */
public final class ProgressService {
  private final ProgressRepository repository;

  public ProgressService(ProgressRepository repository) {
    this.repository = repository;
  }

  /** {@code {unit, items: [{exercise, exerciseId, name, sessions, lastDate}]}}, most trained first. */
  public Future<JsonObject> exercises(Principal caller, UUID traineeId) {
    return readable(caller, traineeId).compose(v -> repository.exercises(traineeId, caller.trainerId()))
        .map(ProgressService::found)
        .map(found -> {
          JsonArray items = new JsonArray();
          found.rows().forEach(row -> items.add(exercise(row)));
          return new JsonObject().put("unit", found.unit().wire()).put("items", items);
        });
  }

  /** {@code {exercise, unit, points}} of one exercise, by its id or name, oldest session first. */
  public Future<JsonObject> progress(Principal caller, UUID traineeId, String exercise) {
    return readable(caller, traineeId).compose(v -> repository.sets(traineeId, caller.trainerId(), exercise))
        .map(ProgressService::found)
        .map(found -> new JsonObject().put("exercise", exercise).put("unit", found.unit().wire())
            .put("points", ProgressPoints.of(found.rows(), found.unit())));
  }

  /** {@code {timeZone, weeks, muscles}} over the last {@code weeks} ISO weeks, this one included. */
  public Future<JsonObject> volume(Principal caller, UUID traineeId, int weeks) {
    return readable(caller, traineeId).compose(v -> repository.volume(traineeId, caller.trainerId(), weeks))
        .map(ProgressService::found)
        .map(found -> WeeklyVolume.of(found.rows(), found.timeZone()));
  }

  /** A trainee token reads its own numbers only. */
  private static Future<Void> readable(Principal caller, UUID traineeId) {
    return caller.is(Role.TRAINEE) && !caller.id().equals(traineeId)
        ? Future.failedFuture(ApiException.notFound("trainee")) : Future.succeededFuture();
  }

  private static <T> Found<T> found(Optional<Found<T>> found) {
    return found.orElseThrow(() -> ApiException.notFound("trainee"));
  }

  private static JsonObject exercise(ExerciseRow row) {
    // What to pass back as ?exercise=: the id when the exercise has one, else its name.
    return new JsonObject().put("exercise", row.exerciseId() != null ? row.exerciseId() : row.name())
        .put("exerciseId", row.exerciseId()).put("name", row.name())
        .put("sessions", row.sessions()).put("lastDate", row.lastDate().toString());
  }
}
