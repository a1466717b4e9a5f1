package app.spotter.trainee;

import app.spotter.api.ApiException;
import app.spotter.api.Page;
import app.spotter.auth.AccessTokens;
import app.spotter.auth.FailureLimiter;
import app.spotter.auth.OpaqueTokens;
import app.spotter.auth.Principal;
import app.spotter.auth.Revocations;
import app.spotter.auth.Role;
import app.spotter.infra.db.NewestFirst;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Access links: a trainer hands a trainee's phone a revocable link; the phone trades its token
 * for short-lived trainee access tokens ({@code POST /trainee-access}).
 */
public final class AccessLinkService {
  private static final int DEFAULT_EXPIRES_IN_DAYS = 90;

  private final AccessLinkRepository links;
  private final TraineeRepository trainees;
  private final TraineeService traineeService;
  private final AccessTokens accessTokens;
  private final FailureLimiter limiter;
  private final String publicUrl;
  private final Revocations revocations;

  public AccessLinkService(AccessLinkRepository links, TraineeRepository trainees, TraineeService traineeService,
      AccessTokens accessTokens, FailureLimiter limiter, String publicUrl, Revocations revocations) {
    this.links = links;
    this.trainees = trainees;
    this.traineeService = traineeService;
    this.accessTokens = accessTokens;
    this.limiter = limiter;
    this.publicUrl = publicUrl;
    this.revocations = revocations;
  }

  /**
   * The token travels in the URL's fragment: browsers never send a fragment to a server, so it
   * stays out of access logs and Referer headers. The response is the only time it is shown.
   */
  public Future<JsonObject> create(Principal caller, UUID traineeId, JsonObject body) {
    UUID trainerId = caller.requireTrainer();
    String token = OpaqueTokens.generate(OpaqueTokens.ACCESS_LINK);
    OffsetDateTime expiresAt = OffsetDateTime.now(ZoneOffset.UTC)
        .plusDays(body.getInteger("expiresInDays", DEFAULT_EXPIRES_IN_DAYS));
    return requireTrainee(trainerId, traineeId)
        .compose(v -> links.insert(trainerId, traineeId, OpaqueTokens.hash(token), body.getString("label"), expiresAt))
        .map(link -> link.put("url", publicUrl + "/trainee/#token=" + token).put("token", token));
  }

  public Future<JsonObject> list(Principal caller, UUID traineeId, Page page) {
    UUID trainerId = caller.requireTrainer();
    return requireTrainee(trainerId, traineeId)
        .compose(v -> links.list(trainerId, traineeId, page.afterTimestamp(0), page.afterUuid(1), page.fetchSize()))
        .map(rows -> page.body(rows, NewestFirst::sortKey));
  }

  /** The link stops working at once, and live sockets opened through it close. */
  public Future<Void> revoke(Principal caller, UUID traineeId, UUID linkId) {
    return links.revoke(caller.requireTrainer(), traineeId, linkId).compose(found -> {
      if (!found) {
        return Future.failedFuture(ApiException.notFound("access link"));
      }
      return revocations.accessLinkRevoked(linkId);
    });
  }

  /** A bad token counts as a failure for the caller's address; past the limit every attempt gets 429. */
  public Future<JsonObject> exchange(String token, FailureLimiter.Limit ipLimit) {
    return limiter.guard(List.of(ipLimit), () -> links.use(OpaqueTokens.hash(token))
            .map(use -> use.orElseThrow(() -> ApiException.unauthorized("the access link is unknown, expired or revoked"))))
        .compose(use -> traineeService.get(asTrainee(use), use.traineeId())
            .map(trainee -> new JsonObject()
                .put("accessToken", accessTokens.forTrainee(use.traineeId(), use.trainerId(), use.linkId()))
                .put("trainee", trainee)
                .put("expiresIn", accessTokens.traineeTtlSeconds())));
  }

  private static Principal asTrainee(AccessLinkRepository.Use use) {
    return new Principal(Role.TRAINEE, use.traineeId(), use.trainerId());
  }

  private Future<Void> requireTrainee(UUID trainerId, UUID traineeId) {
    return trainees.exists(trainerId, traineeId).map(exists -> {
      if (!exists) {
        throw ApiException.notFound("trainee");
      }
      return null;
    });
  }
}
