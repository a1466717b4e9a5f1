package app.spotter.auth;

import app.spotter.api.ApiException;
import java.util.UUID;

/**
 * An authenticated caller. {@code id} is the trainer's, trainee's or display's own id;
 * {@code trainerId} is the trainer whose data it may touch (its own id for a trainer);
 * {@code linkId} is, for a trainee, the access link its token came through (so revoking the link
 * reaches connections opened with it), null otherwise; {@code signIn} is, for a trainer, the sign-in
 * its token came from, null otherwise.
 */
public record Principal(Role role, UUID id, UUID trainerId, UUID linkId, SignIn signIn) {
  /**
   * A trainer's sign-in: its refresh-token family (null in tokens older than the claim) and the
   * password version its token was issued under (see {@link PasswordVersions}).
   */
  public record SignIn(UUID familyId, int passwordVersion) {}

  public Principal(Role role, UUID id, UUID trainerId) {
    this(role, id, trainerId, null, null);
  }

  public static Principal trainer(UUID trainerId, SignIn signIn) {
    return new Principal(Role.TRAINER, trainerId, trainerId, null, signIn);
  }

  public static Principal trainee(UUID traineeId, UUID trainerId, UUID linkId) {
    return new Principal(Role.TRAINEE, traineeId, trainerId, linkId, null);
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
