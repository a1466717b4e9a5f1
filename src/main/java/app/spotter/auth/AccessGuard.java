package app.spotter.auth;

import app.spotter.api.ApiException;
import app.spotter.config.SpotterConfig;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Authentication and role check for every API operation, driven by the contract: each operation's
 * {@code x-roles} lists the roles it admits ({@code []} = public). Runs before request validation,
 * so a caller without the right token learns nothing about the body rules.
 */
public final class AccessGuard implements Handler<RoutingContext> {
  private static final String PRINCIPAL = "spotter.principal";

  private final OpenAPIContract contract;
  private final Map<String, Set<Role>> rolesByOperation = new HashMap<>();
  private final Authenticator authenticator;
  private final FailureLimiter limiter;
  private final SpotterConfig.RateLimits limits;

  public AccessGuard(OpenAPIContract contract, Authenticator authenticator, FailureLimiter limiter,
      SpotterConfig.RateLimits limits) {
    this.contract = contract;
    this.authenticator = authenticator;
    this.limiter = limiter;
    this.limits = limits;
    contract.operations().forEach(op -> rolesByOperation.put(op.getOperationId(), rolesOf(op)));
  }

  @Override
  public void handle(RoutingContext ctx) {
    Operation operation = contract.findOperation(ctx.request().path(), ctx.request().method());
    if (operation == null) {
      ctx.next();
      return;
    }
    Set<Role> allowed = rolesByOperation.get(operation.getOperationId());
    if (allowed.isEmpty()) {
      ctx.next();
      return;
    }
    String token = bearer(ctx);
    if (token == null) {
      ctx.fail(ApiException.unauthorized("send a token: Authorization: Bearer <token>"));
      return;
    }
    authenticator.authenticate(token)
        // An ApiException is the server's own trouble (503), not a bad token.
        .recover(bad -> bad instanceof ApiException ? Future.failedFuture(bad) : rejectBadToken(ctx))
        .onSuccess(principal -> {
          if (!allowed.contains(principal.role())) {
            ctx.fail(ApiException.forbidden("a " + principal.role().wire() + " token may not do this"));
            return;
          }
          ctx.put(PRINCIPAL, principal);
          ctx.next();
        })
        .onFailure(ctx::fail);
  }

  /** The caller that this guard let through. */
  public static Principal principal(RoutingContext ctx) {
    Principal principal = ctx.get(PRINCIPAL);
    if (principal == null) {
      throw ApiException.unauthorized("a valid token is required");
    }
    return principal;
  }

  /** A bad token counts as a failed attempt for the caller's address; past the limit it gets 429. */
  private Future<Principal> rejectBadToken(RoutingContext ctx) {
    return limiter.guard(List.of(ipLimit(ctx)),
        () -> Future.failedFuture(ApiException.unauthorized("the token is invalid, expired or revoked")));
  }

  public FailureLimiter.Limit ipLimit(RoutingContext ctx) {
    return FailureLimiter.perIp(clientAddress(ctx), limits.failuresPerIp(), limits.ipWindow());
  }

  public static String clientAddress(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
  }

  private static String bearer(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? null : token;
  }

  private static Set<Role> rolesOf(Operation op) {
    Object declared = op.getExtensions().get("x-roles");
    if (!(declared instanceof JsonArray list)) {
      throw new IllegalStateException("operation " + op.getOperationId() + " declares no x-roles in the contract");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Object name : list) {
      Role role = Role.fromWire(String.valueOf(name));
      if (role == null) {
        throw new IllegalStateException("operation " + op.getOperationId() + " names an unknown role " + name);
      }
      roles.add(role);
    }
    return roles;
  }
}
