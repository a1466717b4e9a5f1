package app.spotter.coaching;

import app.spotter.exercise.ExerciseRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * SQL of a trainee's progress and weekly volume (docs/coaching.md, "Progress" and "Weekly volume").
 * Each read is one statement that also checks the trainee is the trainer's: no row at all means
 * not found, one row with nulls means no history. Every statement walks the trainee's own sessions
 * (record_by_trainee_date), their exercise records (exercise_record_by_session) and sets (primary
 * key): its cost grows with that trainee's history, not with the database. The LATERALs with
 * OFFSET 0 keep it so: left to itself the planner hash-joins every trainer's exercise records
 * (docs/coaching.md has the plans' times). Only completed and abandoned sessions count, and only
 * work: never a warm-up.
 */
public final class ProgressRepository {
  /** The trainee ($1) if it is the trainer's ($2), with the trainer's unit and time zone. */
  private static final String OWNER = """
      owner AS (
        SELECT t.id, tr.unit, tr.time_zone FROM trainee t JOIN trainer tr ON tr.id = t.trainer_id
        WHERE t.id = $1 AND t.trainer_id = $2
      )""";
  private static final String DONE = "r.status IN ('completed', 'abandoned')";
  private static final String WORK = "coalesce(st.body ->> 'kind', 'working') <> 'warmup'";

  /**
   * The exercises with working sets in the trainee's history, most trained first: the identity's
   * latest name and id, in how many sessions, last when.
   */
  private static final String EXERCISES = sql("""
      WITH {owner}
      SELECT o.unit, h.exercise_id, h.name, h.sessions, h.last_date
      FROM owner o LEFT JOIN LATERAL (
        SELECT (array_agg(e.exercise_id ORDER BY r.session_date DESC, r.start_time DESC NULLS LAST))[1] AS exercise_id,
          (array_agg(e.exercise_name ORDER BY r.session_date DESC, r.start_time DESC NULLS LAST))[1] AS name,
          count(DISTINCT r.id) AS sessions, max(r.session_date) AS last_date
        FROM training_session_record r
        CROSS JOIN LATERAL (SELECT * FROM exercise_record e WHERE e.session_record_id = r.id OFFSET 0) e
        WHERE r.trainee_id = o.id AND {done}
          AND EXISTS (SELECT 1 FROM exercise_set st WHERE st.exercise_record_id = e.id AND {work})
        GROUP BY exercise_identity(e.exercise_id, e.exercise_name)
      ) h ON true
      ORDER BY h.sessions DESC, h.last_date DESC, lower(h.name)""");

  /**
   * The working sets of one exercise ($3: an exercise id the trainer sees, else a name) per session,
   * oldest session first, each session's sets in order.
   */
  private static final String SETS = sql("""
      WITH {owner}, wanted AS (
        SELECT exercise_identity(CASE WHEN {visible} THEN $3 END, $3) AS identity
      )
      SELECT o.unit, s.session_id, s.session_date, s.body
      FROM owner o LEFT JOIN LATERAL (
        SELECT r.id AS session_id, r.session_date, r.start_time, e.order_index, e.id AS exercise_record_id,
          st.position, st.body
        FROM training_session_record r
        CROSS JOIN LATERAL (SELECT * FROM exercise_record e WHERE e.session_record_id = r.id
          AND exercise_identity(e.exercise_id, e.exercise_name) = (SELECT identity FROM wanted) OFFSET 0) e
        JOIN exercise_set st ON st.exercise_record_id = e.id
        WHERE r.trainee_id = o.id AND {done} AND {work}
      ) s ON true
      ORDER BY s.session_date, s.start_time NULLS LAST, s.session_id, s.order_index, s.exercise_record_id, s.position""");

  /**
   * Working sets per ISO week ($3 weeks up to this one, in the trainer's time zone) and muscle. A set
   * falls in the week of when it was done: its completedAt, else the session's start, in the
   * trainer's zone; else the session's date, which is already a local day. Its muscles: its library
   * entry's, 1 per primary and 0.5 per secondary; without a linked entry that names muscles, its
   * record's muscle groups at 1 each; without those, "unassigned". Each week has a row, with a null
   * muscle when nothing was done. The session-date bounds only narrow the index scan: a session's
   * sets are done within a week of its date.
   */
  private static final String VOLUME = sql("""
      WITH {owner}, span AS (
        SELECT o.id, o.time_zone, w.this_week - 7 * ($3 - 1) AS first_week, w.this_week
        FROM owner o, LATERAL (SELECT date_trunc('week', now() AT TIME ZONE o.time_zone)::date AS this_week) w
      ), work AS (
        SELECT e.exercise_id, e.muscle_groups, date_trunc('week', coalesce(
            (st.body ->> 'completedAt')::timestamptz AT TIME ZONE s.time_zone,
            r.start_time AT TIME ZONE s.time_zone, r.session_date))::date AS week, count(*) AS sets
        FROM span s
        JOIN training_session_record r ON r.trainee_id = s.id
        JOIN exercise_record e ON e.session_record_id = r.id
        JOIN exercise_set st ON st.exercise_record_id = e.id
        WHERE r.session_date BETWEEN s.first_week - 7 AND s.this_week + 14 AND {done} AND {work}
        GROUP BY e.id, 3
      ), shares AS (
        SELECT w.week, m.muscle, sum(w.sets * m.share) AS sets
        FROM work w LEFT JOIN exercise x ON x.id = w.exercise_id
        CROSS JOIN LATERAL (SELECT coalesce(x.primary_muscles || x.secondary_muscles <> '[]', false) AS linked) l
        CROSS JOIN LATERAL (
          SELECT muscle, max(share) AS share FROM (
            SELECT lower(btrim(value)) AS muscle, 1.0 AS share FROM jsonb_array_elements_text(CASE
              WHEN l.linked THEN x.primary_muscles WHEN w.muscle_groups <> '[]' THEN w.muscle_groups
              ELSE '["unassigned"]' END)
            UNION ALL
            SELECT lower(btrim(value)), 0.5 FROM jsonb_array_elements_text(CASE WHEN l.linked THEN x.secondary_muscles ELSE '[]' END)
          ) named WHERE muscle <> '' GROUP BY muscle
        ) m
        GROUP BY 1, 2
      )
      SELECT s.time_zone, g.week::date AS week, v.muscle, v.sets
      FROM span s CROSS JOIN generate_series(s.first_week::timestamp, s.this_week::timestamp, interval '1 week') g(week)
      LEFT JOIN shares v ON v.week = g.week::date
      ORDER BY 2, 3""");

  private static String sql(String template) {
    return template.replace("{owner}", OWNER).replace("{done}", DONE).replace("{work}", WORK)
        .replace("{visible}", ExerciseRepository.visibleSql(3, 2));
  }

  /** An exercise of the trainee's history: {@code exerciseId} null when it is known by name only. */
  record ExerciseRow(String exerciseId, String name, long sessions, LocalDate lastDate) {}

  /** A working set of one session: {@code set} is the set as the API shows it. */
  record SetRow(UUID sessionId, LocalDate date, JsonObject set) {}

  /** Shares of working sets a muscle got in the week starting {@code week} (Monday); no muscle: nothing that week. */
  record VolumeRow(LocalDate week, String muscle, double sets) {}

  /** What a read found: the trainer's unit and time zone, and the rows. */
  record Found<T>(WeightUnit unit, String timeZone, List<T> rows) {}

  private final Pool pool;

  public ProgressRepository(Pool pool) {
    this.pool = pool;
  }

  /** The trainee's exercises; empty when the trainee is not this trainer's. */
  Future<Optional<Found<ExerciseRow>>> exercises(UUID traineeId, UUID trainerId) {
    return read(EXERCISES, Tuple.of(traineeId, trainerId), "sessions", r -> new ExerciseRow(r.getString("exercise_id"),
        r.getString("name"), r.getLong("sessions"), r.getLocalDate("last_date")));
  }

  /** The working sets of {@code exercise}; empty when the trainee is not this trainer's. */
  Future<Optional<Found<SetRow>>> sets(UUID traineeId, UUID trainerId, String exercise) {
    return read(SETS, Tuple.of(traineeId, trainerId, exercise), "session_id",
        r -> new SetRow(r.getUUID("session_id"), r.getLocalDate("session_date"), (JsonObject) r.getJson("body")));
  }

  /** Weekly shares per muscle over {@code weeks} weeks; empty when the trainee is not this trainer's. */
  Future<Optional<Found<VolumeRow>>> volume(UUID traineeId, UUID trainerId, int weeks) {
    return read(VOLUME, Tuple.of(traineeId, trainerId, weeks), "week", r -> new VolumeRow(r.getLocalDate("week"),
        r.getString("muscle"), r.getValue("sets") == null ? 0 : r.getNumeric("sets").doubleValue()));
  }

  private <T> Future<Optional<Found<T>>> read(String sql, Tuple args, String presentColumn, Function<Row, T> mapper) {
    return pool.preparedQuery(sql).execute(args).map((RowSet<Row> rows) -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      List<T> out = new ArrayList<>(rows.size());
      String unit = null;
      String zone = null;
      for (Row r : rows) {
        if (r.getColumnIndex("unit") >= 0) {
          unit = r.getString("unit");
        }
        if (r.getColumnIndex("time_zone") >= 0) {
          zone = r.getString("time_zone");
        }
        if (r.getValue(presentColumn) != null) {
          out.add(mapper.apply(r));
        }
      }
      return Optional.of(new Found<>(WeightUnit.of(unit, WeightUnit.KG), zone, out));
    });
  }
}
