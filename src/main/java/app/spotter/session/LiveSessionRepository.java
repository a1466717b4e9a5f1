package app.spotter.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for starting live sessions: ownership checks, the new record, its exercises copied from a template. */
final class LiveSessionRepository {
  private static final String TRAINEE_ARCHIVED = "SELECT archived_at IS NOT NULL FROM trainee WHERE id = $1 AND trainer_id = $2";
  private static final String TEMPLATE_OWNED = "SELECT 1 FROM session_template WHERE id = $1 AND trainer_id = $2";
  private static final String TRAINING_SESSION = "SELECT session_template_id FROM training_session WHERE id = $1 AND trainer_id = $2";
  private static final String INSERT_RECORD = """
      INSERT INTO training_session_record (trainee_id, trainer_id, training_session_id, session_date, start_time,
        location, status, is_live, completed, session_metadata)
      VALUES ($1, $2, $3, (now() AT TIME ZONE 'UTC')::date, now(), $4::text, 'live', true, false, $5::jsonb)
      RETURNING id""";
  /** One exercise record per exercise template, targets copied, in the template's order. */
  private static final String COPY_EXERCISES = """
      INSERT INTO exercise_record (session_record_id, exercise_template_id, exercise_name, exercise_id,
        exercise_description, category, muscle_groups, difficulty, equipment, order_index, target_sets, target_reps,
        target_weight, rest_between_sets, notes, superset_group, target_rpe)
      SELECT $1, id, exercise_name, exercise_id, exercise_description, category, muscle_groups, difficulty, equipment,
        row_number() OVER (ORDER BY order_index, id) - 1, target_sets, target_reps, target_weight, rest_between_sets, notes,
        superset_group, target_rpe
      FROM exercise_template WHERE session_template_id = $2""";
  private static final String LIVE_IDS = "SELECT id FROM training_session_record WHERE trainer_id = $1 AND status = 'live'"
      + " AND ($2::uuid IS NULL OR trainee_id = $2) ORDER BY start_time, id";

  private final Pool pool;

  LiveSessionRepository(Pool pool) {
    this.pool = pool;
  }

  /** Empty when not the trainer's; else whether the trainee is archived. */
  Future<Optional<Boolean>> traineeArchived(UUID trainerId, UUID traineeId) {
    return pool.preparedQuery(TRAINEE_ARCHIVED).execute(Tuple.of(traineeId, trainerId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getBoolean(0)));
  }

  Future<Boolean> templateOwned(UUID trainerId, UUID templateId) {
    return exists(TEMPLATE_OWNED, templateId, trainerId);
  }

  /** Empty when not the trainer's; else the planned session's template (which may be null). */
  Future<Optional<Optional<UUID>>> trainingSessionTemplate(UUID trainerId, UUID trainingSessionId) {
    return pool.preparedQuery(TRAINING_SESSION).execute(Tuple.of(trainingSessionId, trainerId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      return Optional.of(Optional.ofNullable(rows.iterator().next().getUUID(0)));
    });
  }

  Future<UUID> insert(SqlClient tx, UUID trainerId, UUID traineeId, UUID trainingSessionId, String location,
      JsonObject metadata) {
    return tx.preparedQuery(INSERT_RECORD).execute(Tuple.of(traineeId, trainerId, trainingSessionId, location, metadata))
        .map(rows -> rows.iterator().next().getUUID(0));
  }

  Future<Void> copyExercises(SqlClient tx, UUID recordId, UUID templateId) {
    return tx.preparedQuery(COPY_EXERCISES).execute(Tuple.of(recordId, templateId)).mapEmpty();
  }

  /** The trainer's live sessions, or only the trainee's when {@code traineeId} is set. */
  Future<List<UUID>> liveIds(UUID trainerId, UUID traineeId) {
    return pool.preparedQuery(LIVE_IDS).execute(Tuple.of(trainerId, traineeId)).map(rows -> {
      List<UUID> ids = new ArrayList<>();
      for (Row row : rows) {
        ids.add(row.getUUID(0));
      }
      return ids;
    });
  }

  private Future<Boolean> exists(String sql, UUID id, UUID trainerId) {
    return pool.preparedQuery(sql).execute(Tuple.of(id, trainerId)).map(rows -> rows.size() > 0);
  }
}
