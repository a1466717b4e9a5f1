package app.spotter.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The web client built into the jar under {@code webroot/}: the start page and the trainer, trainee and
 * display screens, each a directory with its {@code index.html}. Mounted after the API and health
 * routes, so it only answers what they do not.
 */
public final class WebClientRoutes {
  private static final String ROOT = "webroot";
  /** A screen's address without its slash: relative asset paths need the slash, so redirect to it. */
  private static final String PAGE_WITHOUT_SLASH = "/(trainer|trainee|display)";
  /** Vite puts a content hash in every asset's name, so a cached asset never goes stale. */
  private static final int ASSET_MAX_AGE_SECONDS = 365 * 24 * 3600;

  private WebClientRoutes() {}

  public static void mount(Router router) {
    router.routeWithRegex(PAGE_WITHOUT_SLASH).method(HttpMethod.GET).method(HttpMethod.HEAD)
        .handler(ctx -> ctx.redirect(ctx.request().path() + "/"));
    router.route("/assets/*").method(HttpMethod.GET).method(HttpMethod.HEAD)
        .handler(StaticHandler.create(ROOT + "/assets").setMaxAgeSeconds(ASSET_MAX_AGE_SECONDS));
    // Pages are small and name the current assets: always revalidated, so a new build shows at once.
    router.route("/*").method(HttpMethod.GET).method(HttpMethod.HEAD)
        .handler(ctx -> {
          ctx.response().putHeader("Cache-Control", "no-cache");
          ctx.next();
        })
        .handler(StaticHandler.create(ROOT).setCachingEnabled(false));
  }
}
