package app.spotter.load.connections;

import app.spotter.load.Bounded;
import app.spotter.load.OpenLoop;
import app.spotter.load.Timing;
import app.spotter.load.live.LiveSocket;
import app.spotter.load.live.SessionBook;
import app.spotter.load.metrics.Counters;
import app.spotter.load.metrics.Latencies;
import app.spotter.load.metrics.Timeline;
import app.spotter.load.setup.Fleet;
import app.spotter.load.setup.Fleet.SessionSetup;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The held sockets and their ramp. Socket i follows session i / perSession with, in turn, the
 * trainer's, the trainee's and a display's token (several sockets of one principal are fine). They
 * are opened at a bounded rate and with a bounded number in flight; the time from a socket's connect
 * to its snapshot is measured. Against a
 * loopback target the source addresses are spread over 127.0.0.x, one client each, so the count is
 * not bounded by the ephemeral ports of one address (about 28,000).
 */
final class HeldSockets {
  static final String OPEN = "connect->snapshot";
  /** Sockets per source address: well inside the default ephemeral port range (32768–60999). */
  private static final int PER_ADDRESS = 10_000;
  private static final String[] ROLES = {"trainer", "trainee", "display"};
  private static final String[] DEVICE_NAMES = {"trainer-tablet", "trainee-phone", "wall-display"};

  private record Opening(LiveSocket socket, SessionBook book, String token, String deviceName) {}

  private final List<Context> contexts;
  private final List<WebSocketClient> clients = new ArrayList<>();
  private final List<String> localAddresses = new ArrayList<>();
  private final List<Opening> openings = new ArrayList<>();
  private final List<SessionBook> books = new ArrayList<>();
  private final WebSocketConnectOptions where;
  private final Counters counters;
  private final Latencies latencies;
  private final AtomicInteger settled = new AtomicInteger();
  private final Queue<Opening> due = new ConcurrentLinkedQueue<>();
  private final AtomicInteger opening = new AtomicInteger();
  private volatile int maxInFlight;
  private final Set<LiveSocket> opened = ConcurrentHashMap.newKeySet();
  private final Queue<String> firstFailures = new ConcurrentLinkedQueue<>();

  HeldSockets(Vertx vertx, URI target, Fleet fleet, int count, int perSession, Counters counters, Latencies latencies) {
    this.contexts = Timing.eventLoops(vertx);
    this.counters = counters;
    this.latencies = latencies;
    boolean loopback = isLoopback(target.getHost());
    // "localhost" may resolve to ::1, which a 127.0.0.x source cannot reach.
    this.where = new WebSocketConnectOptions().setHost(loopback ? "127.0.0.1" : target.getHost())
        .setPort(target.getPort() < 0 ? 80 : target.getPort()).setURI("/api/v1/live");
    int addresses = loopback ? (count + PER_ADDRESS - 1) / PER_ADDRESS : 1;
    for (int a = 0; a < addresses; a++) {
      WebSocketClientOptions client = LiveSocket.clientOptions();
      if (loopback) {
        localAddresses.add("127.0.0." + (a + 1));
        client.setLocalAddress(localAddresses.get(a));
      }
      clients.add(vertx.createWebSocketClient(client));
    }
    Timeline none = new Timeline(0);
    for (int i = 0; i < count; i++) {
      int session = i / perSession;
      if (session == books.size()) {
        books.add(new SessionBook(fleet.sessions().get(session), latencies, counters, none));
      }
      SessionSetup setup = fleet.sessions().get(session);
      int role = (i % perSession) % (setup.displayTokens().isEmpty() ? 2 : 3);
      String token = switch (role) {
        case 0 -> setup.trainer().accessToken();
        case 1 -> setup.traineeToken();
        default -> setup.displayTokens().get(0);
      };
      LiveSocket socket = new LiveSocket(clients.get(i % clients.size()), contexts.get(i % contexts.size()), ROLES[role],
          counters);
      openings.add(new Opening(socket, books.get(session), token, DEVICE_NAMES[role]));
    }
  }

  /**
   * Opens every socket: due at {@code perSecond} (one sender per event loop; sender s has the sockets
   * of its loop: s, s + n, s + 2n, ...), started when due unless {@code inFlight} openings are still
   * unfinished: then the ramp slows to the server's pace instead of piling up connections that would
   * time out. Resolves when the last socket is due, not when it is open (see {@link #settled}).
   */
  Future<Void> ramp(int perSecond, int inFlight, long seed) {
    maxInFlight = inFlight;
    int senders = contexts.size();
    int perSender = (openings.size() + senders - 1) / senders;
    Duration length = Duration.ofNanos(Math.round((perSender + 1) * (double) senders * 1e9 / perSecond));
    int[] next = new int[senders]; // slot s is touched only by sender s, on its own context
    return OpenLoop.atRate(OpenLoop.Schedule.of(Duration.ZERO, length), contexts, perSecond, senders, seed,
        (sender, intended, measured) -> {
          int index = sender + senders * next[sender]++;
          if (index < openings.size()) {
            due.add(openings.get(index));
            startDue();
          }
        });
  }

  /** Starts due openings while fewer than {@code maxInFlight} are unfinished (from any thread). */
  private void startDue() {
    while (!due.isEmpty()) {
      int n = opening.get();
      if (n >= maxInFlight) {
        return;
      }
      if (!opening.compareAndSet(n, n + 1)) {
        continue;
      }
      Opening o = due.poll();
      if (o == null) {
        opening.decrementAndGet();
      } else {
        open(o);
      }
    }
  }

  private void open(Opening o) {
    long started = System.nanoTime();
    o.socket().open(where, o.token(), o.deviceName()).compose(v -> o.socket().subscribe(o.book())).onComplete(r -> {
      opening.decrementAndGet();
      if (r.succeeded()) {
        latencies.recordNanos(OPEN, System.nanoTime() - started);
        opened.add(o.socket());
      } else {
        counters.add("error:open-failed");
        if (firstFailures.size() < 5) {
          firstFailures.add(String.valueOf(r.cause()));
        }
      }
      settled.incrementAndGet();
      startDue();
    });
  }

  /** Sockets whose opening has finished, one way or the other. */
  int settled() {
    return settled.get();
  }

  int opened() {
    return opened.size();
  }

  int count() {
    return openings.size();
  }

  int sessions() {
    return books.size();
  }

  List<String> localAddresses() {
    return localAddresses;
  }

  List<String> firstFailures() {
    return List.copyOf(firstFailures);
  }

  List<Context> contexts() {
    return contexts;
  }

  /** The open sockets that run on context {@code c} (i ≡ c mod the number of contexts). */
  List<LiveSocket> openOnContext(int c) {
    List<LiveSocket> mine = new ArrayList<>();
    for (int i = c; i < openings.size(); i += contexts.size()) {
      if (opened.contains(openings.get(i).socket())) {
        mine.add(openings.get(i).socket());
      }
    }
    return mine;
  }

  long unansweredPings() {
    return openings.stream().mapToLong(o -> o.socket().unansweredPings()).sum();
  }

  /** Ends every session through its first (trainer) socket if open, waits up to 10 s for the acks, closes everything. */
  void close() {
    List<Future<Void>> ends = new ArrayList<>();
    for (int i = 0; i < openings.size(); i++) {
      Opening o = openings.get(i);
      if ((i == 0 || openings.get(i - 1).book() != o.book()) && opened.contains(o.socket())) {
        ends.add(o.socket().endSession(o.book()));
      }
    }
    Future.all(ends).await();
    Timing.waitUntil(() -> books.stream().allMatch(SessionBook::settled), Duration.ofSeconds(10));
    Bounded.map(openings, 100, o -> o.socket().close()).otherwiseEmpty().await();
    clients.forEach(c -> c.close().await());
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (Exception e) {
      return false;
    }
  }
}
