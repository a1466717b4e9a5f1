package app.spotter.infra;

import app.spotter.Main;
import app.spotter.support.Api;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java app.spotter.Main} as a real child process with the test's class path, on a given data dir
 * and port and nothing else configured: the embedded default, killable the way an OOM killer kills.
 */
final class SpotterProcess {
  private final Process process;
  private final Path log;
  final Api api;

  private SpotterProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.api = new Api("http://localhost:" + port, null);
  }

  static SpotterProcess start(Path dataDir, int port, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("SPOTTER_"));
    env.put("SPOTTER_DATA_DIR", dataDir.toString());
    env.put("SPOTTER_PORT", String.valueOf(port));
    env.put("SPOTTER_HTTP_INSTANCES", "1");
    return new SpotterProcess(builder.start(), log, port);
  }

  /** Waits until {@code /health/ready} answers 200; false if {@code limit} passes or the process ends first. */
  boolean awaitReady(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        if (api.get("/health/ready").status() == 200) {
          return true;
        }
      } catch (IllegalStateException notListeningYet) {
        // Connection refused until the HTTP server is up.
      }
      Thread.sleep(100);
    }
    return false;
  }

  /** SIGKILL: no shutdown hook runs, nothing is stopped or flushed by Spotter. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** SIGTERM, as a service manager stops it; true if it ended within {@code limit}. */
  boolean stop(Duration limit) throws InterruptedException {
    process.destroy();
    return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Its exit status; -1 if it has not exited. */
  int exitCode() {
    return process.isAlive() ? -1 : process.exitValue();
  }

  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
