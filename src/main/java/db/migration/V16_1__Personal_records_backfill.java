package db.migration;

import app.spotter.coaching.HistorySet;
import app.spotter.coaching.PersonalRecordRepository;
import app.spotter.coaching.RecordReplay;
import app.spotter.coaching.WeightUnit;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills V16's personal records from the history there is, with the code that keeps them since
 * ({@link RecordReplay}): every trainee's exercises replayed from their first set, streamed.
 */
public class V16_1__Personal_records_backfill extends BaseJavaMigration {
  /** Exercises written per round trip. */
  private static final int BATCH = 500;

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    try (PreparedStatement history = c.prepareStatement(PersonalRecordRepository.BACKFILL_HISTORY);
        PreparedStatement save = c.prepareStatement(jdbc(PersonalRecordRepository.SAVE));
        PreparedStatement append = c.prepareStatement(jdbc(PersonalRecordRepository.APPEND_LOG))) {
      history.setFetchSize(1000);
      Batch batch = new Batch(save, append);
      try (ResultSet rs = history.executeQuery()) {
        List<HistorySet> sets = new ArrayList<>();
        while (rs.next()) {
          HistorySet set = new HistorySet(UUID.fromString(rs.getString("trainee_id")), rs.getString("identity"),
              UUID.fromString(rs.getString("session_record_id")), rs.getString("session_date"),
              UUID.fromString(rs.getString("exercise_record_id")), rs.getString("exercise_name"),
              new JsonObject(rs.getString("body")), WeightUnit.of(rs.getString("unit"), WeightUnit.KG));
          if (!sets.isEmpty() && !sameExercise(sets.get(0), set)) {
            batch.add(sets);
            sets = new ArrayList<>();
          }
          sets.add(set);
        }
        batch.add(sets);
      }
      batch.flush();
    }
  }

  private static boolean sameExercise(HistorySet a, HistorySet b) {
    return a.traineeId().equals(b.traineeId()) && a.identity().equals(b.identity());
  }

  /** The repository's statement with JDBC's placeholders. */
  private static String jdbc(String sql) {
    return sql.replace("$1", "?");
  }

  private static final class Batch {
    private final PreparedStatement save;
    private final PreparedStatement append;
    private JsonArray states = new JsonArray();
    private JsonArray log = new JsonArray();
    private int exercises;

    Batch(PreparedStatement save, PreparedStatement append) {
      this.save = save;
      this.append = append;
    }

    void add(List<HistorySet> sets) throws SQLException {
      if (sets.isEmpty()) {
        return;
      }
      RecordReplay replay = RecordReplay.of(sets);
      if (replay.log().isEmpty()) {
        return;
      }
      HistorySet first = sets.get(0);
      states.add(PersonalRecordRepository.stateRow(first.traineeId(), first.identity(), replay.records()));
      log.addAll(replay.log());
      if (++exercises == BATCH) {
        flush();
      }
    }

    void flush() throws SQLException {
      if (states.isEmpty()) {
        return;
      }
      save.setString(1, states.encode());
      save.executeUpdate();
      append.setString(1, log.encode());
      append.executeUpdate();
      states = new JsonArray();
      log = new JsonArray();
      exercises = 0;
    }
  }
}
