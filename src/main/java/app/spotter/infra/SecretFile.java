package app.spotter.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A secret generated once and kept in a file only its owner can read: the JWT secret and the embedded
 * servers' passwords. URL-safe Base64, so it needs no quoting in a URL, a config line or SQL.
 */
public final class SecretFile {
  private static final Logger LOG = LoggerFactory.getLogger(SecretFile.class);
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private SecretFile() {}

  /** The secret in {@code file}, made (48 random bytes) if there is none yet. */
  public static String loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        tighten(file);
        String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!kept.isEmpty()) {
          return kept;
        }
        LOG.warn("{} is empty: a new secret is made", file);
      }
      DataDir.prepare(file.getParent());
      byte[] bytes = new byte[48];
      new SecureRandom().nextBytes(bytes);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      writeOwnerOnly(file, secret);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep a secret in " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code text} in {@code file} (replacing any), owner-only from its first byte, never briefly
   * readable by others, and whole or not there: written beside it, then moved into place, so a crash
   * midway cannot leave an empty secret.
   */
  static void writeOwnerOnly(Path file, String text) throws IOException {
    Path next = file.resolveSibling(file.getFileName() + ".next");
    Files.deleteIfExists(next);
    try {
      Files.createFile(next, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(next);
    }
    Files.writeString(next, text, StandardCharsets.UTF_8);
    try (FileChannel written = FileChannel.open(next, StandardOpenOption.WRITE)) {
      written.force(true);
    }
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A file copied in or made by hand may be readable by others: it is the owner's alone from now on. */
  private static void tighten(Path file) throws IOException {
    try {
      Set<PosixFilePermission> now = Files.getPosixFilePermissions(file);
      if (!now.equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        LOG.warn("{} was {}, now rw------- (owner only)", file, PosixFilePermissions.toString(now));
      }
    } catch (UnsupportedOperationException notPosix) {
      // Not a POSIX file system: its own access control applies.
    }
  }
}
