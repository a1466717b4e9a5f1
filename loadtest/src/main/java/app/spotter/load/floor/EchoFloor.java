package app.spotter.load.floor;

import app.spotter.load.Bounded;
import app.spotter.load.OpenLoop;
import app.spotter.load.Options;
import app.spotter.load.Timing;
import app.spotter.load.ServerProcess;
import app.spotter.load.metrics.Counters;
import app.spotter.load.metrics.Latencies;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

/**
 * The socket floor: the same client, as many senders at the same interval, against the bare echo
 * server in a JVM of its own. A frame's round trip is measured from its intended send time.
 */
public final class EchoFloor {
  public static final String NAME = "floor:socket-round-trip";
  /** About the size of a log-set command. */
  private static final String FRAME = "{\"type\":\"command\",\"sessionId\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\","
      + "\"commandId\":\"0b6e6f5e-3c1b-4b7a-9c3e-2f9f7a6b1c2d\",\"name\":\"log-set\",\"payload\":{\"exerciseRecordId\":"
      + "\"9b2f1c3e-8d4a-4f6b-a1c2-3d4e5f6a7b8c\",\"setId\":\"1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9\",\"reps\":8,"
      + "\"weight\":62.5,\"unit\":\"kg\"}}";

  private record Sent(long intendedNanos, boolean measured) {}

  /** One sender: its socket, its context, its frames waiting for their echo (echoes come back in order). */
  private record Sender(Context context, ClientWebSocket ws, Queue<Sent> inFlight) {}

  private EchoFloor() {}

  public static void run(Vertx vertx, Options options, Path jar, Path log, Latencies latencies, Counters counters)
      throws Exception {
    try (ServerProcess echo = ServerProcess.start(jar, "", List.of("echo-server", "--port", "{port}"), Map.of(), log, "/ready",
        false)) {
      WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(1_000_000));
      WebSocketConnectOptions where = new WebSocketConnectOptions().setHost("localhost").setPort(echo.port).setURI("/");
      List<Context> loops = Timing.eventLoops(vertx);
      List<Sender> senders = IntStream.range(0, options.sessions()).mapToObj(i ->
          new Sender(loops.get(i % loops.size()), client.webSocket(), new ConcurrentLinkedQueue<Sent>())).toList();
      Bounded.map(senders, 50, s -> connect(s, where, latencies, counters)).await();
      OpenLoop.runAll(OpenLoop.Schedule.of(FloorWarmup.of(options), options.floorDuration()),
          senders.stream().map(Sender::context).toList(), options.interval(), options.seed(), (i, intended, measured) -> {
            Sender s = senders.get(i);
            s.inFlight().add(new Sent(intended, measured));
            s.ws().writeTextMessage(FRAME);
          }).await();
      Timing.waitUntil(() -> senders.stream().allMatch(s -> s.inFlight().isEmpty()), options.drain());
      long missing = senders.stream().mapToLong(s -> s.inFlight().size()).sum();
      if (missing > 0) {
        counters.add("error:floor-echo-missing", missing);
      }
      Bounded.map(senders, 100, s -> s.ws().close().otherwiseEmpty()).await();
      client.close().await();
    }
  }

  private static Future<Void> connect(Sender s, WebSocketConnectOptions where, Latencies latencies, Counters counters) {
    Promise<Void> connected = Promise.promise();
    s.context().runOnContext(v -> {
      s.ws().textMessageHandler(text -> {
        long now = System.nanoTime();
        Sent sent = s.inFlight().poll();
        if (sent == null) {
          counters.add("error:floor-unexpected-echo");
        } else if (sent.measured()) {
          latencies.recordNanos(NAME, now - sent.intendedNanos());
        }
      });
      s.ws().connect(where).<Void>mapEmpty().onComplete(connected);
    });
    return connected.future();
  }
}
