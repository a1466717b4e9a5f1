package app.spotter.coaching;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * SQL of the coaching numbers: what a trainee did before in the exercises of a session, and the
 * trainer's unit. Exercises match across sessions by {@code exercise_identity} (V13).
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
   * One exercise's past: its previous session ({@code previous}: {@code sets} an array of its sets)
   * or its best set ({@code set}, a personal record log row), of the session on {@code date}.
   */
  record PastRow(String exerciseRecordId, boolean previous, String date, Object body, WeightUnit trainerUnit) {
    JsonObject set() {
      return (JsonObject) body;
    }
  }

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

  /** The unit the trainer's screens show weights in (kg when unknown). */
  public Future<WeightUnit> trainerUnit(UUID trainerId) {
    return pool.preparedQuery(TRAINER_UNIT).execute(Tuple.of(trainerId))
        .map(rows -> rows.size() == 0 ? WeightUnit.KG : WeightUnit.of(rows.iterator().next().getString(0), WeightUnit.KG));
  }
}
