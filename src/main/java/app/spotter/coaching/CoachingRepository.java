package app.spotter.coaching;

import app.spotter.auth.TrainerSettings;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SQL of the coaching numbers: what a trainee did before in the exercises of a session, what its
 * exercises work and the trainee's injuries, and the trainer's unit and load increment. Exercises match across sessions by {@code exercise_identity} (V13).
 */
public final class CoachingRepository {
  /**
   * One statement per session ($1): for each of its exercises, the last completed session with sets
   * of that exercise (its date and all its sets of it, in order), and its best set before this
   * session from the personal record log (V16): the highest e1RM record, else (no set with an e1RM)
   * the heaviest weight record, of any other session. The log holds every record as it was set, so
   * the highest one of the other sessions is the best set before this one, the latest session.
   * The LATERAL with OFFSET 0 walks the trainee's sessions through exercise_record_by_session: left
   * to itself the planner can't estimate the identities and scans every trainer's exercise records.
   */
  private static final String HISTORY = """
      WITH owner AS (
        SELECT r.trainee_id, t.unit FROM training_session_record r JOIN trainer t ON t.id = r.trainer_id WHERE r.id = $1
      ), here AS (
        SELECT e.id, exercise_identity(e.exercise_id, e.exercise_name) AS identity
        FROM exercise_record e WHERE e.session_record_id = $1
      ), sets AS (
        SELECT e.identity, r.id AS session_id, r.session_date, r.start_time
        FROM training_session_record r
        CROSS JOIN LATERAL (
          SELECT e.id, exercise_identity(e.exercise_id, e.exercise_name) AS identity
          FROM exercise_record e WHERE e.session_record_id = r.id
            AND exercise_identity(e.exercise_id, e.exercise_name) = ANY (ARRAY(SELECT identity FROM here))
          OFFSET 0) e
        WHERE r.trainee_id = (SELECT trainee_id FROM owner) AND r.id <> $1 AND r.status = 'completed'
          AND EXISTS (SELECT 1 FROM exercise_set x WHERE x.exercise_record_id = e.id)
      ), previous AS (
        SELECT DISTINCT ON (identity) identity, session_id, session_date FROM sets
        ORDER BY identity, session_date DESC, start_time DESC NULLS LAST, session_id DESC
      )
      SELECT h.id, true AS previous, v.session_date,
        (SELECT jsonb_agg(x.body ORDER BY e.order_index, x.position) FROM exercise_record e
         JOIN exercise_set x ON x.exercise_record_id = e.id
         WHERE e.session_record_id = v.session_id AND exercise_identity(e.exercise_id, e.exercise_name) = v.identity) AS body, (SELECT unit FROM owner) AS unit
      FROM here h JOIN previous v USING (identity)
      UNION ALL
      SELECT h.id, false, b.session_date, to_jsonb(b), (SELECT unit FROM owner) FROM here h
      CROSS JOIN LATERAL (SELECT * FROM personal_record_log l WHERE l.trainee_id = (SELECT trainee_id FROM owner)
        AND l.identity = h.identity AND l.kind IN ('e1rm', 'weight') AND l.session_record_id <> $1
        ORDER BY l.kind = 'e1rm' DESC, l.value DESC, l.id LIMIT 1) b
      ORDER BY 1, 2 DESC, 3""";
  private static final String TRAINER_UNIT = "SELECT unit FROM trainer WHERE id = $1";
  /**
   * For session $1's exercise records ($2 alone when not null): the muscles each works (its library
   * or custom exercise's primary and secondary muscles, else the record's own muscle groups), with
   * the trainee's injuries and the trainer's unit and load increment (null: the unit's default). A
   * session without exercises still gives one row, with a null id.
   */
  private static final String SESSION_COACHING = """
      SELECT e.id, CASE WHEN x.id IS NULL THEN e.muscle_groups ELSE x.primary_muscles || x.secondary_muscles END AS muscles,
        t.injuries, tr.unit, tr.load_increment
      FROM training_session_record r
      JOIN trainee t ON t.id = r.trainee_id
      JOIN trainer tr ON tr.id = r.trainer_id
      LEFT JOIN exercise_record e ON e.session_record_id = r.id AND ($2::uuid IS NULL OR e.id = $2)
      LEFT JOIN exercise x ON x.id = e.exercise_id
      WHERE r.id = $1""";

  /**
   * One exercise's past: its previous session ({@code previous}: {@code sets} an array of its sets)
   * or its best set ({@code set}, a personal record log row), of the session on {@code date}.
   */
  record PastRow(String exerciseRecordId, boolean previous, String date, Object body, WeightUnit trainerUnit) {
    JsonObject set() {
      return (JsonObject) body;
    }
  }

  /** What a live session's coaching reads besides history: settings, injuries, each exercise's muscles by record id. */
  record SessionCoaching(SuggestedLoad.Settings settings, JsonArray injuries, Map<String, List<String>> muscles) {}

  private final Pool pool;

  public CoachingRepository(Pool pool) {
    this.pool = pool;
  }

  /** The history rows of each exercise of the session, by exercise record, previous first. */
  Future<List<PastRow>> history(UUID sessionId) {
    return pool.preparedQuery(HISTORY).execute(Tuple.of(sessionId)).map(rows -> {
      List<PastRow> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        out.add(new PastRow(r.getUUID("id").toString(), r.getBoolean("previous"),
            r.getLocalDate("session_date").toString(), r.getJson("body"), WeightUnit.of(r.getString("unit"), WeightUnit.KG)));
      }
      return out;
    });
  }

  /** {@link SessionCoaching} of the session and all its exercises. */
  Future<SessionCoaching> sessionCoaching(UUID sessionId) {
    return sessionCoaching(pool, sessionId, null);
  }

  /** {@link SessionCoaching} of the session, or of its one exercise record {@code exerciseRecordId} when not null. */
  Future<SessionCoaching> sessionCoaching(SqlClient client, UUID sessionId, UUID exerciseRecordId) {
    return client.preparedQuery(SESSION_COACHING).execute(Tuple.of(sessionId, exerciseRecordId)).map(rows -> {
      SuggestedLoad.Settings settings = null;
      JsonArray injuries = new JsonArray();
      Map<String, List<String>> muscles = new HashMap<>();
      for (Row r : rows) {
        String unit = r.getString("unit");
        BigDecimal increment = r.getBigDecimal("load_increment");
        settings = new SuggestedLoad.Settings(WeightUnit.of(unit, WeightUnit.KG),
            (increment == null ? TrainerSettings.defaultIncrement(unit) : increment).doubleValue());
        injuries = (JsonArray) r.getJson("injuries");
        if (r.getUUID("id") != null) {
          List<String> worked = new ArrayList<>();
          ((JsonArray) r.getJson("muscles")).forEach(m -> worked.add(String.valueOf(m)));
          muscles.put(r.getUUID("id").toString(), worked);
        }
      }
      return new SessionCoaching(settings, injuries, muscles);
    });
  }

  /** The unit the trainer's screens show weights in (kg when unknown). */
  public Future<WeightUnit> trainerUnit(UUID trainerId) {
    return pool.preparedQuery(TRAINER_UNIT).execute(Tuple.of(trainerId))
        .map(rows -> rows.size() == 0 ? WeightUnit.KG : WeightUnit.of(rows.iterator().next().getString(0), WeightUnit.KG));
  }
}
