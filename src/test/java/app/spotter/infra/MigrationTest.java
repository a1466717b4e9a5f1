package app.spotter.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.config.DatabaseUrl;
import app.spotter.support.TestStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MigrationTest {

  @Test
  @DisplayName("the migrations build the whole schema on an empty database, and a second run changes nothing")
  void emptyDatabase() throws SQLException {
    DatabaseUrl admin = TestStack.get().servers.databaseUrl();
    String name = "fresh_" + System.nanoTime();
    try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password())) {
      c.createStatement().execute("CREATE DATABASE " + name);
    }
    DatabaseUrl fresh = new DatabaseUrl(admin.host(), admin.port(), name, admin.user(), admin.password());

    MigrateResult first = Migrations.migrate(fresh);
    MigrateResult second = Migrations.migrate(fresh);

    assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(1);
    assertThat(second.migrationsExecuted).isZero();
    assertThat(tables(fresh)).contains("trainer", "trainee", "session_template", "exercise_template", "program",
        "training_session", "training_session_record", "exercise_record", "live_session_event", "refresh_token",
        "trainee_access_link", "display");
  }

  private static List<String> tables(DatabaseUrl url) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }
}
