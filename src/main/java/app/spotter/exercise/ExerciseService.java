package app.spotter.exercise;

import app.spotter.api.ApiException;
import app.spotter.api.Page;
import app.spotter.auth.Principal;
import app.spotter.infra.db.Versioned;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * Searching the library with the caller's custom exercises, and a trainer's customs. Library entries
 * are read-only (403); another trainer's custom is not found (404).
 */
public final class ExerciseService {
  private static final String WHAT = "exercise";
  private final ExerciseRepository exercises;

  public ExerciseService(ExerciseRepository exercises) {
    this.exercises = exercises;
  }

  /** Ranked as the repository says; a trainee sees what their trainer sees. */
  public Future<JsonObject> search(Principal caller, ExerciseSearch search, Page page) {
    return exercises.search(caller.trainerId(), search, page).map(page::keyedBody);
  }

  public Future<JsonObject> get(Principal caller, String id) {
    return exercises.find(caller.trainerId(), id).map(found -> found.orElseThrow(() -> ApiException.notFound(WHAT)));
  }

  /** The server makes the id: a UUID, which no library slug is. */
  public Future<JsonObject> create(Principal caller, JsonObject body) {
    return exercises.insertCustom(caller.requireTrainer(), UUID.randomUUID().toString(), body);
  }

  public Future<JsonObject> update(Principal caller, String id, JsonObject patch, OptionalInt ifMatch) {
    UUID trainerId = caller.requireTrainer();
    return Versioned.patch(() -> ownCustom(trainerId, id), WHAT, ifMatch, patch, merged -> merged,
        (merged, version) -> exercises.updateCustom(trainerId, merged, version));
  }

  /**
   * Refused (409) once a session was logged with it: records and progress are kept under its id, and
   * would move to a name without it. A template's link is cleared.
   */
  public Future<Void> delete(Principal caller, String id, OptionalInt ifMatch) {
    UUID trainerId = caller.requireTrainer();
    return Versioned.delete(ownCustom(trainerId, id), WHAT, ifMatch,
        version -> exercises.inHistory(id).compose(used -> {
          if (used) {
            throw ApiException.conflict("sessions were logged with this exercise, so its history keeps it: rename it instead");
          }
          return exercises.deleteCustom(trainerId, id, version);
        }));
  }

  /**
   * Every exerciseId among {@code ids} (nulls ignored) must be the library's or the trainer's: another
   * trainer's is treated as missing, like an unknown one (404).
   */
  public Future<Void> requireVisible(UUID trainerId, Collection<String> ids) {
    Set<String> named = new HashSet<>();
    ids.stream().filter(Objects::nonNull).forEach(named::add);
    if (named.isEmpty()) {
      return Future.succeededFuture();
    }
    return exercises.allVisible(trainerId, named).map(visible -> {
      if (!visible) {
        throw ApiException.notFound(WHAT);
      }
      return null;
    });
  }

  /** The trainer's own custom: a library entry may be seen but not changed. */
  private Future<Optional<JsonObject>> ownCustom(UUID trainerId, String id) {
    return exercises.find(trainerId, id).map(found -> {
      if (found.isPresent() && !found.get().getBoolean("custom")) {
        throw ApiException.forbidden("library exercises are read-only: add a custom exercise instead");
      }
      return found;
    });
  }
}
