package app.spotter.load.live;

import app.spotter.load.metrics.Counters;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongConsumer;

/**
 * One device's socket speaking the live protocol. Every handler runs on the socket's context; the
 * arrival time is taken before the frame is parsed. Acks and rejections find their session by
 * commandId (they carry no sessionId).
 */
public final class LiveSocket {
  private static final String PRESENCE = "{\"type\":\"presence\"";
  public final String device;
  private final Context context;
  private final Counters counters;
  private final ClientWebSocket ws;
  private final Map<String, SessionBook> books = new ConcurrentHashMap<>();
  private final Map<String, Stream> streams = new ConcurrentHashMap<>();
  private final Map<String, Promise<Void>> snapshotsAwaited = new ConcurrentHashMap<>();
  private final Map<String, SessionBook> commandsInFlight = new ConcurrentHashMap<>();
  /** Protocol pings not yet answered, oldest first (the server answers them in order). */
  private final Queue<PendingPing> pings = new ConcurrentLinkedQueue<>();
  private final Promise<Void> welcome = Promise.promise();
  private volatile boolean closing;

  /**
   * A device's client, as a browser's: it offers permessage-deflate, so a server that took it on
   * would pay for it here too (the server declines it).
   */
  public static WebSocketClientOptions clientOptions() {
    return new WebSocketClientOptions().setMaxConnections(1_000_000).setMaxFrameSize(4 << 20)
        .setMaxMessageSize(16 << 20).setConnectTimeout(30_000).setTryUsePerMessageCompression(true);
  }

  public LiveSocket(WebSocketClient client, Context context, String device, Counters counters) {
    this.device = device;
    this.context = context;
    this.counters = counters;
    this.ws = client.webSocket();
  }

  /** Connects on this socket's context, says hello and waits for welcome. */
  public Future<Void> open(WebSocketConnectOptions where, String token, String deviceName) {
    Promise<Void> connected = Promise.promise();
    context.runOnContext(v -> {
      ws.textMessageHandler(this::onText);
      ws.closeHandler(x -> {
        if (!closing) {
          counters.add("error:socket-closed-" + ws.closeStatusCode());
        }
        welcome.tryFail("closed before welcome");
      });
      ws.exceptionHandler(e -> counters.add("error:socket-exception"));
      ws.connect(where).<Void>mapEmpty().onComplete(connected);
    });
    return connected.future()
        .compose(v -> send(new JsonObject().put("type", "hello").put("token", token).put("device", deviceName)))
        .compose(v -> welcome.future());
  }

  /** Follows one session: resolves when its snapshot has arrived. */
  public Future<Void> subscribe(SessionBook book) {
    Future<Void> snapshot = expect(book);
    return send(new JsonObject().put("type", "subscribe").put("sessionId", book.id())).compose(v -> snapshot);
  }

  /** A display following all of its trainer's live sessions: resolves when each expected one has its snapshot. */
  public Future<Void> subscribeDisplay(Iterable<SessionBook> expected) {
    java.util.List<Future<Void>> snapshots = new java.util.ArrayList<>();
    expected.forEach(b -> snapshots.add(expect(b)));
    return send(new JsonObject().put("type", "subscribe-display")).compose(v -> Future.all(snapshots)).mapEmpty();
  }

  private Future<Void> expect(SessionBook book) {
    books.put(book.id(), book);
    streams.put(book.id(), book.follow(this, device));
    Promise<Void> p = Promise.promise();
    snapshotsAwaited.put(book.id(), p);
    return p.future();
  }

  /** Sends a command now (call on this socket's context). */
  public void command(SessionBook book, SessionBook.Sent sent, JsonObject payload) {
    commandsInFlight.put(sent.commandId(), book);
    book.sent(sent);
    ws.writeTextMessage(new JsonObject().put("type", "command").put("sessionId", book.id())
        .put("commandId", sent.commandId()).put("name", sent.name()).put("payload", payload).encode());
  }

  /**
   * Ends the session with {@code end-session} (not measured); resolves once the command is in the
   * book and on its way, so the book is settled only when its ack has come.
   */
  public Future<Void> endSession(SessionBook book) {
    Promise<Void> sent = Promise.promise();
    context.runOnContext(v -> {
      command(book, new SessionBook.Sent(UUID.randomUUID().toString(), "end-session", this, System.nanoTime(), false,
          null, null), new JsonObject().put("status", "completed"));
      sent.complete();
    });
    return sent.future();
  }

  private record PendingPing(long clientTime, LongConsumer onPong) {}

  /** Sends a protocol {@code ping} now (call on this socket's context); its pong's arrival time goes to {@code onPong}. */
  public void ping(LongConsumer onPong) {
    long clientTime = System.currentTimeMillis();
    pings.add(new PendingPing(clientTime, onPong));
    ws.writeTextMessage(new JsonObject().put("type", "ping").put("clientTime", clientTime).encode());
  }

  public int unansweredPings() {
    return pings.size();
  }

  public Context context() {
    return context;
  }

  public Future<Void> close() {
    closing = true;
    return ws.close().otherwiseEmpty();
  }

  private Future<Void> send(JsonObject message) {
    return ws.writeTextMessage(message.encode());
  }

  private void onText(String text) {
    long now = System.nanoTime();
    if (text.startsWith(PRESENCE)) {
      return; // lists every device of the session, sent to each on every join: not checked, so not parsed
    }
    JsonObject m = new JsonObject(text);
    String type = m.getString("type", "");
    switch (type) {
      case "welcome" -> welcome.tryComplete();
      case "event" -> {
        String sessionId = m.getString("sessionId");
        Stream stream = streams.get(sessionId);
        if (stream == null) {
          counters.add("correctness:event-of-unfollowed-session");
        } else {
          books.get(sessionId).event(stream, m.getLong("seq"), m.getString("name"), now);
        }
      }
      case "ack" -> {
        SessionBook book = commandsInFlight.remove(m.getString("commandId"));
        if (book != null) {
          book.ack(m.getString("commandId"), m.getLong("seq"), now);
        }
      }
      case "rejected" -> {
        SessionBook book = commandsInFlight.remove(m.getString("commandId", ""));
        if (book != null) {
          book.rejected(m.getString("commandId"), m.getString("code"));
        } else {
          counters.add("rejected:" + m.getString("code"));
        }
      }
      case "snapshot" -> snapshot(m.getString("sessionId"), m.getLong("seq"));
      case "error" -> {
        counters.add("error:" + m.getString("code"));
        Promise<Void> awaited = m.getString("sessionId") == null ? null : snapshotsAwaited.remove(m.getString("sessionId"));
        if (awaited != null) {
          awaited.tryFail("subscribe failed: " + m.encode());
        }
      }
      case "pong" -> {
        PendingPing ping = pings.poll();
        if (ping == null || ping.clientTime() != m.getLong("clientTime", -1L)) {
          counters.add("error:unexpected-pong");
        } else {
          ping.onPong().accept(now);
        }
      }
      case "presence", "subscribed" -> { }
      default -> counters.add("error:unexpected-" + type);
    }
  }

  private void snapshot(String sessionId, long seq) {
    Stream stream = streams.get(sessionId);
    if (stream == null) {
      counters.add("correctness:snapshot-of-unfollowed-session");
      return;
    }
    books.get(sessionId).snapshot(stream, seq);
    Promise<Void> awaited = snapshotsAwaited.remove(sessionId);
    if (awaited != null) {
      awaited.tryComplete();
    }
  }
}
