package app.spotter.load.floor;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;

/**
 * The socket floor's server: a bare Vert.x WebSocket server that sends every text frame back, one
 * verticle per core like Spotter's HTTP verticles. {@code GET /ready} answers 200. Runs until killed.
 */
public final class EchoServer extends VerticleBase {
  private final int port;

  private EchoServer(int port) {
    this.port = port;
  }

  public static void main(int port) {
    Vertx vertx = Vertx.vertx();
    vertx.deployVerticle(() -> new EchoServer(port),
        new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors())).await();
    System.out.println("echo server on port " + port);
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer(new HttpServerOptions().setMaxWebSocketFrameSize(65536))
        .webSocketHandler(ws -> ws.textMessageHandler(ws::writeTextMessage))
        .requestHandler(request -> request.response().setStatusCode("/ready".equals(request.path()) ? 200 : 404).end())
        .listen(port);
  }
}
