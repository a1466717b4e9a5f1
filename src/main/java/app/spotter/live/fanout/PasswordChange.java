package app.spotter.live.fanout;

import app.spotter.auth.Principal;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * A trainer's password change as the live engine acts on it: the trainer's sockets opened with a token
 * of an older password version close (4401), except the changing device's ({@code keptFamily}, its
 * sign-in's refresh-token family; null: none is kept). Told to other instances on the trainer's
 * password channel as {@link #toJson()}.
 */
record PasswordChange(UUID trainerId, int passwordVersion, UUID keptFamily) {
  JsonObject toJson() {
    return new JsonObject().put("type", "password-changed").put("passwordVersion", passwordVersion)
        .put("keptFamily", keptFamily == null ? null : keptFamily.toString());
  }

  static PasswordChange fromJson(UUID trainerId, JsonObject notice) {
    String kept = notice.getString("keptFamily");
    return new PasswordChange(trainerId, notice.getInteger("passwordVersion"),
        kept == null ? null : UUID.fromString(kept));
  }

  /** Whether a socket that signed in with this principal must close. */
  boolean closes(Principal principal) {
    return principal != null && principal.signIn() != null && trainerId.equals(principal.trainerId())
        && principal.signIn().passwordVersion() < passwordVersion
        && (keptFamily == null || !keptFamily.equals(principal.signIn().familyId()));
  }
}
