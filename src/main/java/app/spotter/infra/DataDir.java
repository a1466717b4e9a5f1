package app.spotter.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory of the embedded servers, held by one Spotter at a time. It holds the database
 * and the secrets, so it is its owner's alone ({@code rwx------}): made so when created, tightened
 * when found looser. The hold is a lock on a file inside, which the kernel releases when the
 * process ends however it ends: a server found running in a data dir nobody holds was left by a dead one.
 */
final class DataDir implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DataDir.class);
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

  /**
   * Data dirs held by this JVM. A second claim must be refused before it opens the lock file: the
   * locks are POSIX record locks, and closing any descriptor of the file would drop this process's
   * lock on it, leaving the running servers to be taken for a dead process's leftovers.
   */
  private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

  private final Path dir;
  private final FileChannel channel;

  private DataDir(Path dir, FileChannel channel) {
    this.dir = dir;
    this.channel = channel;
  }

  /** Creates or tightens {@code dir} and holds it; fails if another process (or instance) holds it. */
  static DataDir claim(Path dir) {
    try {
      prepare(dir);
      Path held = dir.toRealPath();
      if (!HELD_HERE.add(held)) {
        throw inUse(dir);
      }
      FileChannel channel = null;
      try {
        channel = FileChannel.open(held.resolve("embedded.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (channel.tryLock() == null) {
          throw inUse(dir);
        }
        return new DataDir(held, channel);
      } catch (IOException | RuntimeException e) {
        if (channel != null) {
          channel.close();
        }
        HELD_HERE.remove(held);
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use the data dir " + dir + ": " + e.getMessage(), e);
    }
  }

  private static IllegalStateException inUse(Path dir) {
    return new IllegalStateException("the data dir " + dir + " is in use by another running Spotter");
  }

  /** Creates {@code dir} owner-only, or makes it so. */
  static void prepare(Path dir) throws IOException {
    try {
      if (!Files.exists(dir)) {
        Files.createDirectories(dir.toAbsolutePath().getParent());
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      }
      Set<PosixFilePermission> now = Files.getPosixFilePermissions(dir);
      if (!now.equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(dir, OWNER_ONLY);
        LOG.warn("data dir {} was {}, now rwx------ (owner only)", dir, PosixFilePermissions.toString(now));
      }
    } catch (UnsupportedOperationException notPosix) {
      Files.createDirectories(dir); // Not a POSIX file system: its own access control applies.
    }
  }

  @Override
  public void close() {
    try {
      channel.close(); // Releases the lock.
    } catch (IOException e) {
      LOG.warn("could not release the data dir lock: {}", e.getMessage());
    } finally {
      HELD_HERE.remove(dir);
    }
  }
}
