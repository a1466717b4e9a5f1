package app.spotter.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every command the stack's Redis runs while this is open, as Redis's MONITOR prints them (one
 * line each, arguments quoted): what any client wrote to Redis, kept on disk or not. A plain socket,
 * because the Vert.x client has no monitor mode.
 */
public final class RedisMonitor implements AutoCloseable {
  private final TestStack stack;
  private final Socket socket;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  public RedisMonitor(TestStack stack) throws IOException {
    this.stack = stack;
    URI url = stack.servers.redisUrl();
    socket = new Socket(url.getHost(), url.getPort());
    String password = url.getUserInfo() == null ? "" : url.getUserInfo().substring(url.getUserInfo().indexOf(':') + 1);
    OutputStream out = socket.getOutputStream();
    out.write((password.isEmpty() ? "" : "AUTH " + password + "\r\n").concat("MONITOR\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    Thread reader = new Thread(() -> {
      try {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException closed) {
        // the monitor was closed
      }
    }, "redis-monitor");
    reader.setDaemon(true);
    reader.start();
    awaitSeen();
  }

  /** Every command seen so far, including all that ran before this call (a marker is awaited). */
  public List<String> commands() {
    awaitSeen();
    return List.copyOf(lines);
  }

  /** Sends a marker through the stack's client and waits until the monitor printed it. */
  private void awaitSeen() {
    String marker = "monitor-mark-" + UUID.randomUUID();
    stack.redis().send(Request.cmd(Command.ECHO).arg(marker)).await();
    long deadline = System.currentTimeMillis() + 5_000;
    while (lines.stream().noneMatch(l -> l.contains(marker))) {
      assertThat(System.currentTimeMillis()).as("Redis MONITOR printed the marker").isLessThan(deadline);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Redis MONITOR", e);
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
