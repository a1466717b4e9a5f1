package app.spotter.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data dirs made before passwords: zonky's initdb with {@code trust} for every local connection. */
class TrustDataDirMigrationTest {

  @Test
  @DisplayName("a data dir made with trust gets a password on its first start, for host and local lines, and keeps its data")
  void trustDirMigrated(@TempDir Path dataDir) throws Exception {
    Path postgresDir = dataDir.resolve("postgres");
    try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(postgresDir).setCleanDataDirectory(false)
        .setPort(EmbeddedServers.freePort()).start();
        var c = old.getPostgresDatabase().getConnection()) {
      c.createStatement().execute("CREATE TABLE kept (what text); INSERT INTO kept VALUES ('written before')");
    }
    assertThat(activeLines(postgresDir)).anyMatch(line -> line.startsWith("local") && line.endsWith("trust"))
        .anyMatch(line -> line.startsWith("host") && line.endsWith("trust"));

    try (EmbeddedServers servers = new EmbeddedServers()) {
      var database = servers.startPostgres(dataDir, false);

      assertThat(activeLines(postgresDir)).isNotEmpty().noneMatch(line -> line.contains("trust"))
          .anyMatch(line -> line.startsWith("local") && line.endsWith("scram-sha-256"))
          .anyMatch(line -> line.startsWith("host") && line.endsWith("scram-sha-256"));
      assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "").close())
          .isInstanceOf(SQLException.class);
      try (var c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
          var rs = c.createStatement().executeQuery("SELECT what FROM kept")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("written before");
      }
    }
  }

  private static List<String> activeLines(Path postgresDir) throws Exception {
    return Files.readAllLines(postgresDir.resolve("pg_hba.conf")).stream().map(String::trim)
        .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
  }
}
