package app.spotter.live.command;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.config.DatabaseUrl;
import app.spotter.infra.Migrations;
import app.spotter.support.TestStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The batched event statement runs on its generic plan (the batches pool forces it), made once per
 * connection: a plan made on a new, empty database stays in use while the tables grow.
 */
class EventStatementPlanTest {

  @Test
  @DisplayName("made on an empty database, the event statement's generic plan reads the event log and sets by key")
  void genericPlanOnEmptyTables() throws SQLException {
    DatabaseUrl url = TestStack.get().emptyDatabase("plan");
    Migrations.migrate(url);
    StringBuilder plan = new StringBuilder();
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
        Statement s = c.createStatement()) {
      s.execute("SET plan_cache_mode = force_generic_plan");
      s.execute("PREPARE save AS " + LiveRepository.SAVE_BATCH);
      String nulls = String.join(", ", Collections.nCopies(parameters(), "NULL"));
      try (ResultSet rs = s.executeQuery("EXPLAIN EXECUTE save(" + nulls + ")")) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    // Without OFFSET 0 in its checks, Postgres hashes the whole table once per execution instead.
    assertThat(plan.toString()).as(plan.toString())
        .doesNotContain("Seq Scan on live_session_event", "Seq Scan on exercise_set")
        .contains("Index Only Scan using live_event_command_once", "live_event_set_logged", "exercise_set_pkey");
  }

  private static int parameters() {
    int highest = 0;
    Matcher m = Pattern.compile("\\$(\\d+)").matcher(LiveRepository.SAVE_BATCH);
    while (m.find()) {
      highest = Math.max(highest, Integer.parseInt(m.group(1)));
    }
    return highest;
  }
}
