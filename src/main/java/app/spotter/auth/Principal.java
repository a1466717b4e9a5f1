package app.spotter.auth;

import app.spotter.http.ApiException;
import java.util.UUID;

/**
 * An authenticated caller. {@code id} is the trainer's, trainee's or display's own id;
 * {@code trainerId} is the trainer whose data it may touch (its own id for a trainer).
 */
public record Principal(Role role, UUID id, UUID trainerId) {
  public static final String CONTEXT_KEY = "spotter.principal";

  public static Principal trainer(UUID trainerId) {
    return new Principal(Role.TRAINER, trainerId, trainerId);
  }

  /** The server acting on a session (e.g. finishing a timer). */
  public static Principal server(UUID trainerId) {
    return new Principal(Role.SERVER, null, trainerId);
  }

  public boolean is(Role r) {
    return role == r;
  }

  /** For services that only trainers may call (routes already check; this guards reuse). */
  public UUID requireTrainer() {
    if (role != Role.TRAINER) {
      throw ApiException.forbidden("only a trainer may do this");
    }
    return trainerId;
  }
}
