package app.spotter.auth;

import app.spotter.config.SpotterConfig;
import app.spotter.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Trainer accounts: register, log in, rotate refresh tokens, log out, change password. */
public final class AuthService {
  private final Pool pool;
  private final TrainerRepository trainers;
  private final RefreshTokenRepository refreshTokens;
  private final PasswordHasher hasher;
  private final AccessTokens accessTokens;
  private final FailureLimiter limiter;
  private final SpotterConfig config;

  public AuthService(Pool pool, TrainerRepository trainers, RefreshTokenRepository refreshTokens,
      PasswordHasher hasher, AccessTokens accessTokens, FailureLimiter limiter, SpotterConfig config) {
    this.pool = pool;
    this.trainers = trainers;
    this.refreshTokens = refreshTokens;
    this.hasher = hasher;
    this.accessTokens = accessTokens;
    this.limiter = limiter;
    this.config = config;
  }

  public Future<JsonObject> register(JsonObject body) {
    return hasher.hash(body.getString("password"))
        .compose(hash -> pool.withTransaction(tx -> trainers.insert(tx, body, hash)
            .compose(trainer -> session(tx, trainer, UUID.randomUUID()))))
        .recover(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState())
            ? Future.failedFuture(ApiException.conflict("an account with this email already exists"))
            : Future.failedFuture(e));
  }

  public Future<JsonObject> login(String email, String password, FailureLimiter.Limit ipLimit) {
    return limiter.guard(List.of(emailLimit(email), ipLimit), () -> trainers.credentialsByEmail(email)
        .compose(found -> hasher.verify(password, found.map(TrainerRepository.Credentials::hashedPassword).orElse(null))
            .compose(ok -> ok && found.get().active()
                ? trainers.findById(found.get().id()).map(Optional::orElseThrow)
                : Future.failedFuture(ApiException.unauthorized("the email or password is wrong")))))
        .compose(trainer -> pool.withTransaction(tx -> session(tx, trainer, UUID.randomUUID())));
  }

  /** Rotates: the presented token is used up and a new one of the same family handed out. */
  public Future<JsonObject> refresh(String refreshToken, FailureLimiter.Limit ipLimit) {
    byte[] hash = OpaqueTokens.hash(refreshToken);
    return limiter.guard(List.of(ipLimit), () -> pool.withTransaction(tx -> refreshTokens.consume(tx, hash)
        .compose(consumed -> {
          if (consumed.isEmpty()) {
            // Unknown, expired, revoked or already used: a used one means it leaked, so its family goes.
            return refreshTokens.revokeFamilyOf(tx, hash).map(x -> Optional.<JsonObject>empty());
          }
          return trainers.findById(consumed.get().trainerId())
              .compose(trainer -> trainer.filter(t -> t.getBoolean("isActive")).isEmpty()
                  ? Future.succeededFuture(Optional.<JsonObject>empty())
                  : session(tx, trainer.get(), consumed.get().familyId()).map(Optional::of));
        }))
        .map(result -> result.orElseThrow(
            () -> ApiException.unauthorized("the refresh token is unknown, expired or revoked"))));
  }

  public Future<Void> logout(String refreshToken) {
    return pool.withTransaction(tx -> refreshTokens.revokeFamilyOf(tx, OpaqueTokens.hash(refreshToken))).mapEmpty();
  }

  /** Changing the password signs out every other device (all refresh tokens revoked). */
  public Future<Void> changePassword(UUID trainerId, String current, String next, FailureLimiter.Limit ipLimit) {
    return limiter.guard(List.of(ipLimit), () -> trainers.passwordHash(trainerId)
            .compose(hash -> hasher.verify(current, hash.orElse(null)))
            .compose(ok -> ok ? Future.succeededFuture()
                : Future.failedFuture(ApiException.invalidField("currentPassword", "is not your current password"))))
        .compose(v -> hasher.hash(next))
        .compose(newHash -> pool.withTransaction(tx -> trainers.updatePassword(tx, trainerId, newHash)
            .compose(x -> refreshTokens.revokeAllOf(tx, trainerId))));
  }

  private FailureLimiter.Limit emailLimit(String email) {
    SpotterConfig.RateLimits limits = config.rateLimits();
    return FailureLimiter.perEmail(email, limits.loginFailuresPerEmail(), limits.loginWindow());
  }

  private Future<JsonObject> session(SqlClient tx, JsonObject trainer, UUID familyId) {
    UUID trainerId = UUID.fromString(trainer.getString("id"));
    String refreshToken = OpaqueTokens.generate(OpaqueTokens.REFRESH);
    OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plus(config.refreshTokenTtl());
    return refreshTokens.insert(tx, trainerId, familyId, OpaqueTokens.hash(refreshToken), expires)
        .map(v -> new JsonObject()
            .put("trainer", trainer)
            .put("accessToken", accessTokens.forTrainer(trainerId))
            .put("refreshToken", refreshToken)
            .put("expiresIn", accessTokens.trainerTtlSeconds()));
  }
}
