package app.spotter.http;

import app.spotter.config.SpotterConfig.HttpTimeouts;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One HTTP server per event loop, all on the same port, each with its own router. Every connection
 * gets the slow-client deadlines ({@link ConnectionDeadlines}); requests the decoder rejects are
 * answered by {@link InvalidRequests}.
 */
public final class HttpVerticle extends VerticleBase {
  private final int port;
  private final HttpTimeouts timeouts;
  private final Function<Vertx, Future<Router>> routerFactory;
  private HttpServer server;

  public HttpVerticle(int port, HttpTimeouts timeouts, Function<Vertx, Future<Router>> routerFactory) {
    this.port = port;
    this.timeouts = timeouts;
    this.routerFactory = routerFactory;
  }

  @Override
  public Future<?> start() {
    return routerFactory.apply(vertx)
        .compose(router -> vertx.createHttpServer(new HttpServerOptions()
                .setPort(port)
                .setCompressionSupported(true)
                // HTTP/1.1 only (and WebSocket): browsers speak HTTP/2 over TLS alone, which a proxy in
                // front terminates, and the slow-client deadlines are written for HTTP/1.1 connections.
                .setHttp2ClearTextEnabled(false)
                .setMaxInitialLineLength(InvalidRequests.MAX_REQUEST_LINE_BYTES)
                .setMaxHeaderSize(InvalidRequests.MAX_HEADER_BYTES)
                // Responses are written on this verticle's event loop only, so a connection needs no
                // queue for writes from other threads: about 4.7 KB less heap per held WebSocket,
                // whose upgraded HTTP connection stays alive beside it (docs/performance.md). A
                // response written from another thread would throw, and its request would hang.
                .setStrictThreadMode(true)
                // No WebSocket compression, per message or per frame: browsers offer permessage-deflate,
                // and each socket that takes it keeps about 240 KB of zlib state (native memory) for
                // messages of a few hundred bytes (docs/performance.md, "Connection scale").
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false)
                .setMaxWebSocketFrameSize(65_536)
                .setMaxWebSocketMessageSize(65_536))
            .connectionHandler(connection -> ConnectionDeadlines.install(connection, timeouts))
            .invalidRequestHandler(new InvalidRequests())
            .requestHandler(router)
            .listen())
        .onSuccess(s -> server = s);
  }

  /** Stops accepting, lets in-flight requests finish (up to 10 s), then closes. */
  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.shutdown(10, TimeUnit.SECONDS);
  }

  public int actualPort() {
    return server.actualPort();
  }
}
