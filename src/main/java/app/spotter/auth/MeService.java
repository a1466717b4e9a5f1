package app.spotter.auth;

import app.spotter.api.ApiException;
import app.spotter.infra.db.Versioned;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.OptionalInt;

/** {@code /me}: the trainer's own account, or a trainee's own profile. */
public final class MeService {
  private final TrainerRepository trainers;
  private final TraineeProfiles trainees;

  public MeService(TrainerRepository trainers, TraineeProfiles trainees) {
    this.trainers = trainers;
    this.trainees = trainees;
  }

  public Future<JsonObject> get(Principal caller) {
    if (caller.is(Role.TRAINEE)) {
      return trainees.own(caller);
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
