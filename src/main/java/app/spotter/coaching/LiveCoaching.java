package app.spotter.coaching;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The coaching numbers a live session carries beyond its record: on each exercise of a snapshot the
 * trainee's {@code previous} and {@code best}, the {@code suggestedWeight} with its {@code suggestion},
 * and the injury {@code flags}; on the state the trainer's {@code coaching} settings. Flags also go on
 * the events that bring an exercise to the trainer's attention. Which role sees what is the live
 * views' decision.
 */
public final class LiveCoaching {
  private final CoachingRepository repository;
  private final PreviousPerformance previousPerformance;

  public LiveCoaching(CoachingRepository repository) {
    this.repository = repository;
    this.previousPerformance = new PreviousPerformance(repository);
  }

  /**
   * Reads what the snapshot of the session will carry (two statements, both at once) and resolves to
   * what puts it on the snapshot state once that is read.
   */
  public Future<Consumer<JsonObject>> forSnapshot(UUID sessionId) {
    var past = previousPerformance.of(sessionId);
    var session = repository.sessionCoaching(sessionId);
    return Future.all(past, session).map(done -> state -> {
      CoachingRepository.SessionCoaching coaching = session.result();
      JsonArray exercises = state.getJsonObject("record").getJsonArray("exercises");
      PreviousPerformance.annotate(exercises, past.result());
      SuggestedLoad.annotate(exercises, coaching.settings());
      exercises.forEach(item -> {
        JsonObject exercise = (JsonObject) item;
        exercise.put("flags", InjuryFlags.of(coaching.injuries(),
            coaching.muscles().getOrDefault(exercise.getString("id"), List.of())));
      });
      state.put("coaching", coaching.settings().json());
    });
  }

  /** The injury flags of one exercise record of the session, read through {@code client} (a command's transaction). */
  public Future<JsonArray> flags(SqlClient client, UUID sessionId, UUID exerciseRecordId) {
    return repository.sessionCoaching(client, sessionId, exerciseRecordId).map(coaching -> InjuryFlags.of(
        coaching.injuries(), coaching.muscles().getOrDefault(exerciseRecordId.toString(), List.of())));
  }
}
