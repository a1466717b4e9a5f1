package app.spotter.infra;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Run as another process: exits 1 when the file's lock is held by someone else, 0 when it could take it. */
public final class LockProbe {
  private LockProbe() {}

  public static void main(String[] args) throws Exception {
    try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
      System.exit(channel.tryLock() == null ? 1 : 0);
    }
  }

  /** The exit status of a probe of {@code file} from a new JVM. */
  static int probe(Path file) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LockProbe.class.getName(),
        file.toString()).inheritIO().start().waitFor();
  }
}
