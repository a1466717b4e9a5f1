package app.spotter.infra;

import app.spotter.config.DatabaseUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Postgres answers only to its password. zonky's initdb writes {@code trust} lines (every
 * local user in): a new data dir gets the password from initdb itself and its lines switched before
 * the server first starts ({@link #closeTrust}); a data dir made by an older Spotter, which trusted, gets
 * the password and the switch on its first start ({@link #require}).
 */
final class PostgresPassword {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresPassword.class);
  private static final Pattern TRUST = Pattern.compile("\\btrust\\b");

  private PostgresPassword() {}

  /** Blocking; {@code url} carries the password the server must require from now on. */
  static void require(Path dataDirectory, DatabaseUrl url) {
    Path hba = dataDirectory.resolve("pg_hba.conf");
    try {
      if (Files.readAllLines(hba, StandardCharsets.UTF_8).stream().noneMatch(PostgresPassword::trusts)) {
        return;
      }
      try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
        // Hashed here (SCRAM verifier): the password itself never reaches the server or its logs.
        c.unwrap(PGConnection.class).alterUserPassword(url.user(), url.password().toCharArray(), "scram-sha-256");
        closeTrust(dataDirectory);
        c.createStatement().execute("SELECT pg_reload_conf()");
      }
      awaitPasswordRequired(url);
      LOG.info("embedded Postgres now requires its password (pg_hba.conf: trust → scram-sha-256)");
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("could not give the embedded Postgres in " + dataDirectory + " a password: "
          + e.getMessage(), e);
    }
  }

  /** Switches every {@code trust} line of {@code pg_hba.conf} (host and local) to {@code scram-sha-256}. */
  static void closeTrust(Path dataDirectory) {
    Path hba = dataDirectory.resolve("pg_hba.conf");
    try {
      List<String> lines = Files.readAllLines(hba, StandardCharsets.UTF_8);
      Path next = hba.resolveSibling("pg_hba.conf.next");
      Files.write(next, lines.stream().map(l -> trusts(l) ? TRUST.matcher(l).replaceAll("scram-sha-256") : l).toList(),
          StandardCharsets.UTF_8);
      Files.move(next, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not rewrite " + hba + ": " + e.getMessage(), e);
    }
  }

  private static boolean trusts(String line) {
    String trimmed = line.trim();
    return !trimmed.isEmpty() && !trimmed.startsWith("#") && TRUST.matcher(trimmed).find();
  }

  /** The reload is a signal the server handles a moment later: ready means the door is already shut. */
  private static void awaitPasswordRequired(DatabaseUrl url) throws SQLException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (true) {
      try (Connection ignored = DriverManager.getConnection(url.jdbcUrl(), url.user(), "")) {
        if (System.nanoTime() > deadline) {
          throw new SQLException("the server still lets a connection in without a password");
        }
      } catch (SQLException refused) {
        if ("28P01".equals(refused.getSQLState()) || "08004".equals(refused.getSQLState())) {
          return;
        }
        throw refused;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
