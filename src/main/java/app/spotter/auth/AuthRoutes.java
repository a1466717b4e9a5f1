package app.spotter.auth;

import static app.spotter.auth.AccessGuard.principal;
import static app.spotter.http.Requests.body;
import static app.spotter.http.Requests.ifMatch;

import app.spotter.http.ApiRoutes;
import app.spotter.http.Responses;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.Optional;

/** {@code /auth/*} and {@code /me}. */
public final class AuthRoutes implements ApiRoutes {
  private final AuthService auth;
  private final MeService me;
  private final AccessGuard guard;
  private final DeviceCookies deviceCookies;

  public AuthRoutes(AuthService auth, MeService me, AccessGuard guard, DeviceCookies deviceCookies) {
    this.auth = auth;
    this.me = me;
    this.guard = guard;
    this.deviceCookies = deviceCookies;
  }

  @Override
  public void mount(RouterBuilder builder) {
    builder.getRoute("register").addHandler(this::register);
    builder.getRoute("login").addHandler(this::login);
    builder.getRoute("refresh").addHandler(this::refresh);
    builder.getRoute("logout").addHandler(this::logout);
    builder.getRoute("getMe").addHandler(this::getMe);
    builder.getRoute("updateMe").addHandler(this::updateMe);
    builder.getRoute("changePassword").addHandler(this::changePassword);
  }

  private void register(RoutingContext ctx) {
    JsonObject body = body(ctx);
    auth.register(body, AccessGuard.clientAddress(ctx))
        .compose(session -> {
          ctx.response().addCookie(deviceCookies.issue(body.getString("email")));
          return Responses.created(ctx, "/api/v1/me", session);
        })
        .onFailure(ctx::fail);
  }

  /** A device cookie for this email lifts the per-email failure limit; each sign-in renews it. */
  private void login(RoutingContext ctx) {
    JsonObject body = body(ctx);
    String email = body.getString("email");
    Cookie cookie = ctx.request().getCookie(DeviceCookies.NAME);
    Optional<String> device = deviceCookies.deviceFor(cookie == null ? null : cookie.getValue(), email);
    auth.login(email, body.getString("password"), device, guard.ipLimit(ctx))
        .compose(session -> {
          ctx.response().addCookie(deviceCookies.issue(email));
          return Responses.ok(ctx, session);
        })
        .onFailure(ctx::fail);
  }

  private void refresh(RoutingContext ctx) {
    auth.refresh(body(ctx).getString("refreshToken"), guard.ipLimit(ctx))
        .compose(session -> Responses.ok(ctx, session))
        .onFailure(ctx::fail);
  }

  private void logout(RoutingContext ctx) {
    auth.logout(body(ctx).getString("refreshToken"))
        .compose(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private void getMe(RoutingContext ctx) {
    me.get(principal(ctx))
        .compose(profile -> Responses.ok(ctx, profile))
        .onFailure(ctx::fail);
  }

  private void updateMe(RoutingContext ctx) {
    me.update(principal(ctx), body(ctx), ifMatch(ctx))
        .compose(profile -> Responses.ok(ctx, profile))
        .onFailure(ctx::fail);
  }

  private void changePassword(RoutingContext ctx) {
    JsonObject body = body(ctx);
    auth.changePassword(principal(ctx), body.getString("currentPassword"),
            body.getString("newPassword"), guard.ipLimit(ctx))
        .compose(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }
}
