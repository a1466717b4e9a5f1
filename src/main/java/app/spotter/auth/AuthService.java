package app.spotter.auth;

import app.spotter.api.ApiException;
import app.spotter.config.SpotterConfig;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
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
  private final PasswordVersions passwordVersions;
  private final FailureLimiter limiter;
  private final Revocations revocations;
  private final SpotterConfig config;

  public AuthService(Pool pool, TrainerRepository trainers, RefreshTokenRepository refreshTokens,
      PasswordHasher hasher, AccessTokens accessTokens, PasswordVersions passwordVersions, FailureLimiter limiter,
      Revocations revocations, SpotterConfig config) {
    this.pool = pool;
    this.trainers = trainers;
    this.refreshTokens = refreshTokens;
    this.hasher = hasher;
    this.accessTokens = accessTokens;
    this.passwordVersions = passwordVersions;
    this.limiter = limiter;
    this.revocations = revocations;
    this.config = config;
  }

  /** Every attempt from {@code clientAddress} counts towards its hourly limit: each costs a hash, taken or not. */
  public Future<JsonObject> register(JsonObject body, String clientAddress) {
    return registrationAllowed(clientAddress)
        .compose(v -> hasher.hash(body.getString("password")))
        .compose(hash -> pool.withTransaction(tx -> trainers.insert(tx, body, hash)
            .compose(created -> session(tx, created.trainer(), UUID.randomUUID(), created.passwordVersion()))));
  }

  /**
   * Failures count per address and per email, or, from a device that signed in to this account before
   * ({@code trustedDevice}, see {@link DeviceCookies}), per device instead of per email: failures
   * elsewhere never lock the owner out.
   */
  public Future<JsonObject> login(String email, String password, Optional<String> trustedDevice,
      FailureLimiter.Limit ipLimit) {
    FailureLimiter.Limit accountLimit = trustedDevice.map(this::deviceLimit).orElseGet(() -> emailLimit(email));
    return limiter.guard(List.of(accountLimit, ipLimit), () -> trainers.credentialsByEmail(email)
        .compose(found -> hasher.verify(password, found.map(TrainerRepository.Credentials::hashedPassword).orElse(null))
            .compose(ok -> ok && found.get().active()
                ? Future.succeededFuture(found.get())
                : Future.failedFuture(ApiException.unauthorized("the email or password is wrong")))))
        .compose(account -> pool.withTransaction(tx -> trainers.lockPasswordVersion(tx, account.id())
            // The password checked above must still be the account's when the session is made.
            .compose(version -> version.equals(Optional.of(account.passwordVersion()))
                ? trainers.findById(account.id()).map(Optional::orElseThrow)
                    .compose(trainer -> session(tx, trainer, UUID.randomUUID(), account.passwordVersion()))
                : Future.failedFuture(ApiException.unauthorized("the email or password is wrong")))));
  }

  /** Rotates: the presented token is used up and a new one of the same family handed out. */
  public Future<JsonObject> refresh(String refreshToken, FailureLimiter.Limit ipLimit) {
    byte[] hash = OpaqueTokens.hash(refreshToken);
    return limiter.guard(List.of(ipLimit), () -> pool.withTransaction(tx -> refreshTokens.lockOwner(tx, hash)
        .compose(passwordVersion -> refreshTokens.consume(tx, hash).compose(consumed -> {
          if (consumed.isEmpty()) {
            // Unknown, expired, revoked or already used: a used one means it leaked, so its family goes.
            return refreshTokens.revokeFamilyOf(tx, hash).map(x -> Optional.<JsonObject>empty());
          }
          return trainers.findById(consumed.get().trainerId())
              .compose(trainer -> trainer.filter(t -> t.getBoolean("isActive")).isEmpty()
                  ? Future.succeededFuture(Optional.<JsonObject>empty())
                  : session(tx, trainer.get(), consumed.get().familyId(), passwordVersion.orElseThrow())
                      .map(Optional::of));
        })))
        .map(result -> result.orElseThrow(
            () -> ApiException.unauthorized("the refresh token is unknown, expired or revoked"))));
  }

  public Future<Void> logout(String refreshToken) {
    return pool.withTransaction(tx -> refreshTokens.revokeFamilyOf(tx, OpaqueTokens.hash(refreshToken))).mapEmpty();
  }

  /**
   * Signs out every other device: their refresh tokens are revoked and their live sockets closed. Every
   * access token issued before, the caller's included, is refused from now on; the caller keeps its
   * refresh token (its family, named in its access token) and gets a fresh access token with it.
   */
  public Future<Void> changePassword(Principal caller, String current, String next, FailureLimiter.Limit ipLimit) {
    UUID trainerId = caller.requireTrainer();
    UUID keptFamily = caller.signIn().familyId();
    return limiter.guard(List.of(ipLimit), () -> trainers.passwordHash(trainerId)
            .compose(hash -> hasher.verify(current, hash.orElse(null)))
            .compose(ok -> ok ? Future.succeededFuture()
                : Future.failedFuture(ApiException.invalidField("currentPassword", "is not your current password"))))
        .compose(v -> hasher.hash(next))
        .compose(newHash -> pool.withTransaction(tx -> trainers.updatePassword(tx, trainerId, newHash)
            .compose(version -> refreshTokens.revokeAllOfBut(tx, trainerId, keptFamily).map(version))))
        .compose(version -> {
          passwordVersions.changed(trainerId, version);
          return revocations.passwordChanged(trainerId, version, keptFamily);
        });
  }

  private Future<Void> registrationAllowed(String clientAddress) {
    SpotterConfig.RateLimits limits = config.rateLimits();
    return limits.registrationsLimited()
        ? limiter.spend(FailureLimiter.registrationsPerIp(clientAddress, limits.registrationsPerIp(),
            SpotterConfig.RateLimits.REGISTRATION_WINDOW))
        : Future.succeededFuture();
  }

  private FailureLimiter.Limit emailLimit(String email) {
    SpotterConfig.RateLimits limits = config.rateLimits();
    return FailureLimiter.perEmail(email, limits.loginFailuresPerEmail(), limits.loginWindow());
  }

  /** A trusted device gets as many failures as an email would. */
  private FailureLimiter.Limit deviceLimit(String deviceId) {
    SpotterConfig.RateLimits limits = config.rateLimits();
    return FailureLimiter.perDevice(deviceId, limits.loginFailuresPerEmail(), limits.loginWindow());
  }

  private Future<JsonObject> session(SqlClient tx, JsonObject trainer, UUID familyId, int passwordVersion) {
    UUID trainerId = UUID.fromString(trainer.getString("id"));
    String refreshToken = OpaqueTokens.generate(OpaqueTokens.REFRESH);
    OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plus(config.refreshTokenTtl());
    return refreshTokens.insert(tx, trainerId, familyId, OpaqueTokens.hash(refreshToken), expires)
        .map(v -> new JsonObject()
            .put("trainer", trainer)
            .put("accessToken", accessTokens.forTrainer(trainerId, new Principal.SignIn(familyId, passwordVersion)))
            .put("refreshToken", refreshToken)
            .put("expiresIn", accessTokens.trainerTtlSeconds()));
  }
}
