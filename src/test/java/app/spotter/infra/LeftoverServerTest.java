package app.spotter.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only a process proven to be the leftover is signalled. Stand-ins: {@code sleep} copied under the
 * server's name, started in or outside the server's directory.
 */
class LeftoverServerTest {
  private final List<Process> started = new ArrayList<>();
  @TempDir
  Path temp;

  @Test
  @DisplayName("the server's binary working in its directory, named by the pid file, is stopped")
  void leftoverStopped() throws Exception {
    Path dir = Files.createDirectory(temp.resolve("server"));
    Process leftover = sleepAs("postgres", dir);
    Path pidFile = Files.writeString(dir.resolve("postmaster.pid"), leftover.pid() + "\n" + dir + "\n");

    new LeftoverServer(pidFile, dir, "postgres").stop(LeftoverServer.POSTGRES);

    // stop() returns once the process is a zombie; Java's reaper notices a moment later.
    assertThat(leftover.waitFor(5, TimeUnit.SECONDS)).as("exited (it would sleep 60 s)").isTrue();
  }

  @Test
  @DisplayName("a binary of that name working in another directory is left alone; the pid file goes as stale")
  void otherDirectoryLeftAlone() throws Exception {
    Path dir = Files.createDirectory(temp.resolve("server"));
    Process elsewhere = sleepAs("postgres", Files.createDirectory(temp.resolve("elsewhere")));
    Path pidFile = Files.writeString(dir.resolve("postmaster.pid"), elsewhere.pid() + "\n");

    new LeftoverServer(pidFile, dir, "postgres").stop(LeftoverServer.POSTGRES);

    assertThat(elsewhere.isAlive()).isTrue();
    assertThat(pidFile).doesNotExist();
  }

  @Test
  @DisplayName("another program working in the directory, its number in the pid file, is left alone")
  void otherProgramLeftAlone() throws Exception {
    Path dir = Files.createDirectory(temp.resolve("server"));
    Process other = sleepAs("not-redis", dir);
    Path pidFile = Files.writeString(dir.resolve("redis.pid"), other.pid() + "\n");

    new LeftoverServer(pidFile, dir, "redis-server").stop(LeftoverServer.REDIS);

    assertThat(other.isAlive()).isTrue();
  }

  /** {@code sleep 60} from a copy of its binary called {@code name}, working in {@code cwd}. */
  private Process sleepAs(String name, Path cwd) throws Exception {
    Path binary = Files.createDirectories(temp.resolve("bin")).resolve(name);
    Files.copy(Path.of("/bin/sleep"), binary, StandardCopyOption.COPY_ATTRIBUTES);
    Process process = new ProcessBuilder(binary.toString(), "60").directory(cwd.toFile()).start();
    started.add(process);
    return process;
  }

  @AfterEach
  void endStandIns() {
    started.forEach(Process::destroyForcibly);
  }
}
