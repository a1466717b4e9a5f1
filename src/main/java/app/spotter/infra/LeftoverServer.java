package app.spotter.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded server a killed Spotter (kill -9, OOM killer) left running on its data dir. It still holds
 * the directory, so it is stopped before a new one starts there. Found through the pid file the server
 * keeps in its directory, and only signalled once {@code /proc} proves it is that program's binary working
 * in that directory: a pid file outlives its process, and the number may since belong to anything else.
 */
final class LeftoverServer {
  private static final Logger LOG = LoggerFactory.getLogger(LeftoverServer.class);
  private static final Path PROC = Path.of("/proc");

  /** Send {@code signal}, then give the server {@code grace} to exit before the next step. */
  record Step(String signal, Duration grace) {}

  /** Postgres: SIGINT is its "fast" shutdown (checkpoints, then exits); SIGQUIT "immediate"; SIGKILL last. */
  static final List<Step> POSTGRES = List.of(
      new Step("INT", Duration.ofSeconds(15)), new Step("QUIT", Duration.ofSeconds(5)), new Step("KILL", Duration.ofSeconds(5)));
  /** Redis: SIGTERM is its clean shutdown (it keeps nothing on disk); SIGKILL last. */
  static final List<Step> REDIS = List.of(new Step("TERM", Duration.ofSeconds(10)), new Step("KILL", Duration.ofSeconds(5)));

  private final Path pidFile;
  private final Path dir;
  private final String program;

  /** A process named {@code program*} whose working directory is {@code dir}, as {@code pidFile} says. */
  LeftoverServer(Path pidFile, Path dir, String program) {
    this.pidFile = pidFile;
    this.dir = dir;
    this.program = program;
  }

  /**
   * Stops the leftover, if there is one, by {@code steps}; a pid file naming a live process that is not
   * the leftover is removed as stale. Call only while holding the data dir ({@link DataDir#claim}): then
   * no running Spotter can own the server.
   */
  void stop(List<Step> steps) {
    if (!Files.exists(pidFile) || !Files.isDirectory(PROC.resolve("self"))) {
      return; // Nothing left behind, or no /proc to prove whose it is: then touch nothing.
    }
    Optional<Long> pid = pidIn(pidFile);
    if (pid.isEmpty() || !isRunning(pid.get())) {
      return; // The server sees for itself that the file is stale (and Postgres checks its shared memory).
    }
    if (!isOurs(pid.get())) {
      // The number now names another process, which Postgres would take for a server still running here.
      LOG.info("{} names pid {}, which is no {} working in {}: removed as stale", pidFile, pid.get(), program, dir);
      deleteStale();
      return;
    }
    long started = System.nanoTime();
    for (Step step : steps) {
      if (!isOurs(pid.get())) {
        return; // It exited just as the last wait ran out.
      }
      LOG.warn("{} (pid {}) left running in {} by an earlier Spotter: sending SIG{}", program, pid.get(), dir, step.signal());
      signal(pid.get(), step.signal());
      if (awaitExit(pid.get(), step.grace())) {
        LOG.info("leftover {} (pid {}) stopped in {} ms", program, pid.get(), (System.nanoTime() - started) / 1_000_000);
        return;
      }
    }
    throw new IllegalStateException(program + " (pid " + pid.get() + ") in " + dir + " did not stop; stop it and start again");
  }

  private static Optional<Long> pidIn(Path file) {
    try {
      String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
      return Optional.of(Long.parseLong(first));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Alive, running a binary named {@code program*} and working in {@code dir} (both servers chdir
   * there). The binary, not the command line: Redis rewrites its command line into a title.
   */
  private boolean isOurs(long pid) {
    Path proc = PROC.resolve(Long.toString(pid));
    try {
      String name = Files.readSymbolicLink(proc.resolve("exe")).getFileName().toString();
      return isRunning(pid) && name.startsWith(program) && proc.resolve("cwd").toRealPath().equals(dir.toRealPath());
    } catch (IOException | RuntimeException e) {
      return false; // Gone meanwhile, or not ours to look at: either way not provably ours.
    }
  }

  /** There and not a zombie (a zombie has exited; it only waits for its parent to notice). */
  static boolean isRunning(long pid) {
    try {
      String stat = Files.readString(PROC.resolve(pid + "/stat"), StandardCharsets.UTF_8);
      return !stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z");
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean awaitExit(long pid, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (isRunning(pid)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /**
   * Java signals only TERM and KILL ({@code ProcessHandle.destroy/destroyForcibly}); Postgres's fast shutdown
   * is SIGINT. The shell's own {@code kill} is there even where no kill binary is installed.
   */
  private static void signal(long pid, String signal) {
    try {
      new ProcessBuilder("/bin/sh", "-c", "kill -s " + signal + " " + pid).inheritIO().start().waitFor();
    } catch (IOException e) {
      LOG.warn("could not send SIG{} to {}: {}", signal, pid, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deleteStale() {
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      LOG.warn("could not remove the stale {}: {}", pidFile, e.getMessage());
    }
  }
}
