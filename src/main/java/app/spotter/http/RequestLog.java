package app.spotter.http;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One access-log line per request: method, path, status, milliseconds. Only the path, never the
 * query string or headers, so tokens and pairing secrets never reach the log.
 */
public final class RequestLog implements PlatformHandler {
  private static final Logger LOG = LoggerFactory.getLogger("spotter.access");

  @Override
  public void handle(RoutingContext ctx) {
    if (LOG.isInfoEnabled()) {
      long start = System.nanoTime();
      ctx.addBodyEndHandler(v -> LOG.info("{} {} {} {}ms", ctx.request().method(), ctx.request().path(),
          ctx.response().getStatusCode(), (System.nanoTime() - start) / 1_000_000));
    }
    ctx.next();
  }
}
