package app.spotter.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Duration;
import java.util.UUID;

/**
 * Short-lived HS256 access JWTs for trainers and trainees. Claims: {@code sub} (the caller's id),
 * {@code role}, {@code tid} (the trainer whose data it reaches), {@code exp}; for trainers {@code fam}
 * (the refresh-token family of the sign-in) and {@code pwv} (the password version it was issued under);
 * for trainees {@code lid} (the access link).
 */
public final class AccessTokens {
  private final JWTAuth jwt;
  private final Duration trainerTtl;
  private final Duration traineeTtl;

  public AccessTokens(Vertx vertx, String secret, Duration trainerTtl, Duration traineeTtl) {
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
        .setJWTOptions(new JWTOptions().setAlgorithm("HS256").setIssuer("spotter").setLeeway(5)));
    this.trainerTtl = trainerTtl;
    this.traineeTtl = traineeTtl;
  }

  public String forTrainer(UUID trainerId, Principal.SignIn signIn) {
    return sign(new JsonObject().put("role", Role.TRAINER.wire()).put("tid", trainerId.toString())
        .put("fam", signIn.familyId().toString()).put("pwv", signIn.passwordVersion()), trainerId, trainerTtl);
  }

  public String forTrainee(UUID traineeId, UUID trainerId, UUID linkId) {
    return sign(new JsonObject().put("role", Role.TRAINEE.wire()).put("tid", trainerId.toString())
        .put("lid", linkId.toString()), traineeId, traineeTtl);
  }

  public long trainerTtlSeconds() {
    return trainerTtl.toSeconds();
  }

  public long traineeTtlSeconds() {
    return traineeTtl.toSeconds();
  }

  /**
   * Verifies signature, algorithm, issuer and expiry; fails for anything else, a token without
   * {@code exp} included (the JWT library checks expiry only when the claim is there).
   */
  public Future<Principal> verify(String token) {
    return jwt.authenticate(new TokenCredentials(token)).map(user -> {
      JsonObject claims = user.principal();
      // The library moves exp out of the principal into the attributes.
      if (!(user.attributes().getValue("exp") instanceof Number)) {
        throw new IllegalArgumentException("no expiry");
      }
      Role role = Role.fromWire(claims.getString("role"));
      UUID subject = UUID.fromString(claims.getString("sub"));
      UUID trainerId = UUID.fromString(claims.getString("tid"));
      if (role == Role.TRAINER) {
        return Principal.trainer(trainerId, new Principal.SignIn(optionalUuid(claims.getString("fam")),
            claims.getInteger("pwv", 0)));
      }
      if (role == Role.TRAINEE) {
        return Principal.trainee(subject, trainerId, optionalUuid(claims.getString("lid")));
      }
      throw new IllegalArgumentException("unknown role");
    });
  }

  private static UUID optionalUuid(String value) {
    return value == null ? null : UUID.fromString(value);
  }

  private String sign(JsonObject claims, UUID subject, Duration ttl) {
    return jwt.generateToken(claims, new JWTOptions()
        .setAlgorithm("HS256")
        .setIssuer("spotter")
        .setSubject(subject.toString())
        .setExpiresInSeconds((int) ttl.toSeconds()));
  }
}
