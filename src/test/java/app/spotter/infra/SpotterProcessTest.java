package app.spotter.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.spotter.support.Api;
import app.spotter.support.Reply;
import app.spotter.support.TestStack;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spotter as the real process a service manager runs, on the embedded default: the contract's crash
 * rule ({@code kill -9}, then the same command on the same data dir) and no embedded server outliving it.
 */
class SpotterProcessTest {
  private static final String PASSWORD = "correct horse battery";
  private final List<SpotterProcess> started = new ArrayList<>();
  private final List<Long> serverPids = new ArrayList<>();
  private final List<Path> dataDirs = new ArrayList<>();
  @TempDir
  Path temp;

  @Test
  @DisplayName("after kill -9 the same command on the same data dir is ready within 30 s with every acked write,"
      + " the dead one's servers stopped, and a SIGTERM leaves no server behind")
  void killedAndStartedAgain() throws Exception {
    Path dataDir = temp.resolve("data");
    Path log = temp.resolve("spotter.log");
    int port = TestStack.freePort();

    SpotterProcess first = start(dataDir, port, log);
    assertThat(first.awaitReady(Duration.ofSeconds(120))).as("first start ready; log:%n%s", first.log()).isTrue();
    Reply registered = first.api.post("/auth/register", new JsonObject().put("email", "crash@gym.test")
        .put("password", PASSWORD).put("name", "Crash Test"));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    Api trainer = first.api.as(registered.json().getString("accessToken"));
    Reply trainee = trainer.post("/trainees", new JsonObject().put("name", "Acked Before The Crash"));
    assertThat(trainee.status()).as(trainee.toString()).isEqualTo(201);
    List<Long> orphans = serverPidsIn(dataDir);

    first.kill();
    assertThat(orphans).as("the killed JVM's Postgres and Redis outlive it").allMatch(SpotterProcessTest::running);

    long restarted = System.nanoTime();
    SpotterProcess second = start(dataDir, port, log);
    boolean ready = second.awaitReady(Duration.ofSeconds(30));
    long readyMs = (System.nanoTime() - restarted) / 1_000_000;
    System.out.printf("restart after kill -9 to /health/ready 200: %d ms%n", readyMs);
    assertThat(ready).as("ready within 30 s of the restart; log:%n%s", second.log()).isTrue();
    assertThat(orphans).as("the dead JVM's servers were stopped").noneMatch(SpotterProcessTest::running);

    Reply login = second.api.post("/auth/login", new JsonObject().put("email", "crash@gym.test").put("password", PASSWORD));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    Reply read = second.api.as(login.json().getString("accessToken"))
        .get("/trainees/" + trainee.json().getString("id"));
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertThat(read.json().getString("name")).isEqualTo("Acked Before The Crash");

    List<Long> servers = serverPidsIn(dataDir);
    assertThat(second.stop(Duration.ofSeconds(40))).as("SIGTERM ends Spotter").isTrue();
    // Postgres may still be finishing its shutdown checkpoint the moment the JVM is gone.
    await("a SIGTERM stops its Postgres and Redis too").atMost(Duration.ofSeconds(10))
        .until(() -> servers.stream().noneMatch(SpotterProcessTest::running));
  }

  @Test
  @DisplayName("a start that fails once its servers are up (the port is taken) exits and leaves no server running")
  void failedStartStopsItsServers() throws Exception {
    Path dataDir = temp.resolve("data");
    try (ServerSocket taken = new ServerSocket(0)) {
      SpotterProcess process = start(dataDir, taken.getLocalPort(), temp.resolve("spotter.log"));
      // Watched while it starts: a server that stops removes its pid file.
      Set<Long> servers = new HashSet<>();
      boolean bothUp = false;
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (process.isAlive() && System.nanoTime() < deadline) {
        List<Long> now = serverPidsIn(dataDir);
        servers.addAll(now);
        bothUp |= now.size() == 2;
        Thread.sleep(10);
      }
      assertThat(process.exitCode()).as("exit status; log:%n%s", process.log()).isEqualTo(1);
      assertThat(bothUp).as("Postgres and Redis were up before the taken port failed the start").isTrue();
      await("its Postgres and Redis stopped").atMost(Duration.ofSeconds(10))
          .until(() -> servers.stream().noneMatch(SpotterProcessTest::running));
    }
  }

  private SpotterProcess start(Path dataDir, int port, Path log) throws Exception {
    SpotterProcess process = SpotterProcess.start(dataDir, port, log);
    started.add(process);
    dataDirs.add(dataDir);
    return process;
  }

  /** The embedded servers' pids, from the pid files they keep in the data dir (remembered for clean-up). */
  private List<Long> serverPidsIn(Path dataDir) {
    List<Long> pids = new ArrayList<>();
    for (Path pidFile : List.of(dataDir.resolve("postgres/postmaster.pid"), dataDir.resolve("redis/redis.pid"))) {
      try {
        long pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
        if (pid > 0) { // initdb's bootstrap backends write theirs negated
          pids.add(pid);
        }
      } catch (IOException | RuntimeException notThere) {
        // Not started yet, being written, or stopped.
      }
    }
    serverPids.addAll(pids);
    return pids;
  }

  /** As Spotter judges it: a zombie has exited, it only waits for its parent to notice. */
  private static boolean running(long pid) {
    return LeftoverServer.isRunning(pid);
  }

  /** Whatever happened above, nothing this test started is left running. */
  @AfterEach
  void endEverythingStarted() throws Exception {
    for (SpotterProcess process : started) {
      process.kill();
    }
    dataDirs.forEach(this::serverPidsIn); // Those of a process killed above.
    for (long pid : serverPids) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }
  }
}
