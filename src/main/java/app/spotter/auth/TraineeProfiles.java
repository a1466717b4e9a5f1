package app.spotter.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** A trainee's own profile for {@code /me}, from the trainee feature, which auth does not know. */
@FunctionalInterface
public interface TraineeProfiles {
  Future<JsonObject> own(Principal trainee);
}
