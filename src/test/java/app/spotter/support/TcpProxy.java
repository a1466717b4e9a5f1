package app.spotter.support;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP pass-through that can be cut, the way a dead host or a network partition cuts connections,
 * or stalled, the way a hung server keeps connections open and never answers.
 */
public final class TcpProxy implements AutoCloseable {
  private final NetServer server;
  private final NetClient client;
  private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;
  private volatile boolean stalled;

  public TcpProxy(Vertx vertx, String host, int port) {
    client = vertx.createNetClient();
    server = vertx.createNetServer().connectHandler(front -> {
      if (cut) {
        front.close();
        return;
      }
      if (stalled) {
        sockets.add(front);
        front.handler(ignored -> {});
        return;
      }
      front.pause();
      sockets.add(front);
      client.connect(port, host).onSuccess(back -> {
        sockets.add(back);
        front.pipeTo(back);
        back.pipeTo(front);
        front.resume();
      }).onFailure(e -> front.close());
    });
    server.listen(0, "127.0.0.1").await();
  }

  public int port() {
    return server.actualPort();
  }

  /** No more connections, and every open one is dropped. */
  public void cut() {
    cut = true;
    sockets.forEach(NetSocket::close);
    sockets.clear();
  }

  /** Connections stay open, old and new, but nothing sent through them arrives any more. */
  public void stall() {
    stalled = true;
    sockets.forEach(socket -> socket.handler(ignored -> {}));
  }

  /** New connections pass again. */
  public void heal() {
    cut = false;
    stalled = false;
  }

  @Override
  public void close() {
    cut();
    server.close().await();
    client.close().await();
  }
}
