package app.spotter.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    DatabaseUrl fresh = freshDatabase();

    MigrateResult first = Migrations.migrate(fresh);
    MigrateResult second = Migrations.migrate(fresh);

    assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(1);
    assertThat(second.migrationsExecuted).isZero();
    assertThat(tables(fresh)).contains("trainer", "trainee", "session_template", "exercise_template", "program",
        "training_session", "training_session_record", "exercise_record", "live_session_event", "refresh_token",
        "trainee_access_link", "display", "exercise_set");
  }

  @Test
  @DisplayName("V4 moves each exercise record's sets array into rows of exercise_set, in the array's order")
  void setsIntoRows() throws SQLException {
    DatabaseUrl url = freshDatabase();
    Migrations.migrate(url, "3");
    try (Connection c = connect(url)) {
      c.createStatement().execute("""
          INSERT INTO trainer (id, email, hashed_password, name) VALUES ('00000000-0000-0000-0000-000000000001', 't@x.io', 'h', 'T');
          INSERT INTO trainee (id, trainer_id, name) VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', 'A');
          INSERT INTO training_session_record (id, trainee_id, trainer_id, session_date)
            VALUES ('00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', '2026-11-01');
          INSERT INTO exercise_record (id, session_record_id, exercise_name, order_index, sets) VALUES
            ('00000000-0000-0000-0000-000000000004', '00000000-0000-0000-0000-000000000003', 'Squat', 0,
             '[{"id": "warm", "number": 1, "reps": 10}, {"id": "top", "number": 7, "weight": 100.5}]'),
            ('00000000-0000-0000-0000-000000000005', '00000000-0000-0000-0000-000000000003', 'Bench', 1, '[]')""");
    }

    Migrations.migrate(url);

    try (Connection c = connect(url);
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT right(exercise_record_id::text, 1), id, position, body::text FROM exercise_set ORDER BY position")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getString(4));
      }
      assertThat(rows).containsExactly(
          "4 warm 1 {\"id\": \"warm\", \"reps\": 10, \"number\": 1}",
          "4 top 2 {\"id\": \"top\", \"number\": 7, \"weight\": 100.5}");
    }
    assertThat(columns(url, "exercise_record")).doesNotContain("sets");
  }

  @Test
  @DisplayName("V16_1 fills the personal records from existing history: warm-ups left out, a heavier later set beats the first, names match as identities")
  void recordsBackfilled() throws SQLException {
    DatabaseUrl url = freshDatabase();
    Migrations.migrate(url, "13");
    try (Connection c = connect(url)) {
      c.createStatement().execute("""
          INSERT INTO trainer (id, email, hashed_password, name) VALUES ('00000000-0000-0000-0000-000000000001', 't@x.io', 'h', 'T');
          INSERT INTO trainee (id, trainer_id, name) VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', 'A');
          INSERT INTO training_session_record (id, trainee_id, trainer_id, session_date, status, completed) VALUES
            ('00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', '2026-11-01', 'completed', true),
            ('00000000-0000-0000-0000-000000000004', '00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', '2026-11-08', 'completed', true);
          INSERT INTO exercise_record (id, session_record_id, exercise_name, order_index) VALUES
            ('00000000-0000-0000-0000-000000000005', '00000000-0000-0000-0000-000000000003', 'Squat', 0),
            ('00000000-0000-0000-0000-000000000006', '00000000-0000-0000-0000-000000000004', ' SQUAT', 0);
          INSERT INTO exercise_set (exercise_record_id, id, position, body) VALUES
            ('00000000-0000-0000-0000-000000000005', 'a', 1, '{"id": "a", "kind": "working", "reps": 5, "weight": 100}'),
            ('00000000-0000-0000-0000-000000000006', 'w', 1, '{"id": "w", "kind": "warmup", "reps": 5, "weight": 300}'),
            ('00000000-0000-0000-0000-000000000006', 'b', 2, '{"id": "b", "kind": "working", "reps": 5, "weight": 102.5}')""");
    }

    Migrations.migrate(url);

    try (Connection c = connect(url);
        ResultSet rs = c.createStatement().executeQuery("SELECT set_id, kind, value, previous FROM personal_record_log"
            + " WHERE identity = 'name:squat' ORDER BY id")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getDouble(3) + " " + rs.getObject(4));
      }
      assertThat(rows).containsExactly("a e1rm 115.87485515643105 null", "a weight 100.0 null", "a reps 5.0 null",
          "b e1rm 118.77172653534183 115.87485515643105", "b weight 102.5 100.0",
          "b reps 5.0 null"); // b is the first set at 102.5: a baseline for reps
    }
  }

  @Test
  @DisplayName("V18: every column of the tables a live set grows samples 3,000 rows for ANALYZE, not 30,000")
  void appendTablesSampleSmall() throws SQLException {
    DatabaseUrl url = freshDatabase();
    Migrations.migrate(url);
    List<String> fine = new ArrayList<>();
    try (Connection c = connect(url); ResultSet rs = c.createStatement().executeQuery("""
        SELECT attrelid::regclass || '.' || attname || ' ' || attstattarget FROM pg_attribute
        WHERE attrelid IN ('live_session_event'::regclass, 'exercise_set'::regclass,
          'personal_record_log'::regclass, 'live_event_set_logged'::regclass)
          AND attnum > 0 AND NOT attisdropped AND attstattarget <> 10""")) {
      while (rs.next()) {
        fine.add(rs.getString(1));
      }
    }
    // An index's key columns have no statistics of their own (-1 here); its expression does.
    assertThat(fine).as("columns with another statistics target")
        .containsExactlyInAnyOrder("live_event_set_logged.session_record_id -1");
  }

  @Test
  @DisplayName("V19: the tables a live command updates keep no one-column CHECK; their domains keep the rules")
  void columnRulesAsDomains() throws SQLException {
    DatabaseUrl url = freshDatabase();
    Migrations.migrate(url);
    try (Connection c = connect(url)) {
      ResultSet checks = c.createStatement().executeQuery("""
          SELECT count(*) FROM pg_constraint WHERE contype = 'c' AND cardinality(conkey) = 1
            AND conrelid IN ('exercise_record'::regclass, 'exercise_template'::regclass,
              'training_session_record'::regclass)""");
      checks.next();
      assertThat(checks.getInt(1)).as("one-column checks left").isZero();
      c.createStatement().execute("""
          INSERT INTO trainer (id, email, hashed_password, name) VALUES
            ('00000000-0000-0000-0000-000000000001', 'a@example.com', 'x', 'A');
          INSERT INTO trainee (id, trainer_id, name) VALUES
            ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', 'B');
          INSERT INTO training_session_record (id, trainee_id, trainer_id, session_date) VALUES
            ('00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000002',
             '00000000-0000-0000-0000-000000000001', '2026-12-01')""");
      String insert = "INSERT INTO exercise_record (session_record_id, exercise_name, order_index, target_rpe)"
          + " VALUES ('00000000-0000-0000-0000-000000000003', 'Squat', %s, %s)";
      c.createStatement().execute(insert.formatted("10000", "7.5"));
      for (String[] bad : new String[][] {{"10001", "8"}, {"0", "7.25"}, {"-1", "8"}}) {
        assertThatThrownBy(() -> c.createStatement().execute(insert.formatted(bad[0], bad[1])))
            .as("order_index %s, target_rpe %s", bad[0], bad[1])
            .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23514");
      }
      assertThatThrownBy(() -> c.createStatement().execute("UPDATE training_session_record SET status = 'paused'"))
          .isInstanceOf(SQLException.class).hasMessageContaining("session_status");
    }
  }

  private static DatabaseUrl freshDatabase() throws SQLException {
    return TestStack.get().emptyDatabase("fresh");
  }

  private static Connection connect(DatabaseUrl url) throws SQLException {
    return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
  }

  private static List<String> columns(DatabaseUrl url, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = connect(url); ResultSet rs = c.createStatement().executeQuery(
        "SELECT column_name FROM information_schema.columns WHERE table_name = '" + table + "'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  private static List<String> tables(DatabaseUrl url) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = connect(url); ResultSet rs = c.createStatement().executeQuery(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }
}
