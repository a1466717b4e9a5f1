package app.spotter.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        return Files.readString(file, StandardCharsets.UTF_8).trim();
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

  /** {@code text} in a new {@code file} (replacing any), owner-only from its first byte, never briefly readable by others. */
  static void writeOwnerOnly(Path file, String text) throws IOException {
    Files.deleteIfExists(file);
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
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
