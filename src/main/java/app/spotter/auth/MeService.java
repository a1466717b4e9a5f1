package app.spotter.auth;

import app.spotter.http.ApiException;
import app.spotter.infra.db.Versioned;
import app.spotter.trainee.TraineeService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.OptionalInt;

/** {@code /me}: the trainer's own account, or a trainee's own profile. */
public final class MeService {
  private final TrainerRepository trainers;
  private final TraineeService trainees;

  public MeService(TrainerRepository trainers, TraineeService trainees) {
    this.trainers = trainers;
    this.trainees = trainees;
  }

  public Future<JsonObject> get(Principal caller) {
    if (caller.is(Role.TRAINEE)) {
      return trainees.get(caller, caller.id());
    }
    return trainers.findById(caller.requireTrainer())
        .map(found -> found.orElseThrow(() -> ApiException.notFound("account")));
  }

  public Future<JsonObject> update(Principal caller, JsonObject patch, OptionalInt ifMatch) {
    return Versioned.patch(() -> trainers.findStored(caller.requireTrainer()), "account", ifMatch, patch,
        TrainerSettings::checked,
        (merged, version) -> trainers.updateProfile(caller.trainerId(), merged, version));
  }
}
