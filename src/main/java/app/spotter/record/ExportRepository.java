package app.spotter.record;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowStream;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The trainee export's queries, read through a cursor ({@link RowStream}) inside a transaction so a
 * long history is fetched a few rows at a time instead of all at once.
 */
public final class ExportRepository {
  private static final int FETCH_SIZE = 50;
  private static final String HISTORY_ORDER = " ORDER BY r.session_date DESC, r.id DESC, e.order_index, e.id";
  private static final String RECORDS_AND_EXERCISES = " FROM training_session_record r"
      + " LEFT JOIN exercise_record e ON e.session_record_id = r.id";
  private static final String OF_TRAINEE = " WHERE r.trainee_id = $1 AND r.trainer_id = $2";

  /** The columns of {@link Query#SETS}, in order: one row per set. */
  static final List<String> SET_COLUMNS = List.of("sessionRecordId", "sessionDate", "status", "exerciseRecordId",
      "exerciseName", "orderIndex", "setNumber", "kind", "reps", "weight", "unit", "rpe", "rir", "durationSeconds",
      "distanceMeters", "completedAt", "notes");

  /** What an export reads. */
  enum Query {
    /** Each record's columns joined with one of its exercises (columns prefixed {@code e_}), or none. */
    RECORDS_WITH_EXERCISES("SELECT " + RecordRepository.TABLE.selectList("r") + ", "
        + ExerciseRecordRepository.TABLE.selectList("e", "e_") + RECORDS_AND_EXERCISES + OF_TRAINEE + HISTORY_ORDER),
    /** {@link #SET_COLUMNS} as text; an exercise without sets, or a record without exercises, still gives a row. */
    SETS("SELECT r.id::text, r.session_date::text, r.status, e.id::text, e.exercise_name, e.order_index::text,"
        + " s.body ->> 'number', s.body ->> 'kind', s.body ->> 'reps', s.body ->> 'weight', s.body ->> 'unit',"
        + " s.body ->> 'rpe', s.body ->> 'rir', s.body ->> 'durationSeconds', s.body ->> 'distanceMeters',"
        + " s.body ->> 'completedAt', s.body ->> 'notes'" + RECORDS_AND_EXERCISES
        + " LEFT JOIN exercise_set s ON s.exercise_record_id = e.id"
        + OF_TRAINEE + HISTORY_ORDER + ", s.position");

    private final String sql;

    Query(String sql) {
      this.sql = sql;
    }
  }

  private final Pool pool;

  public ExportRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Opens a cursor over the trainee's history and hands it to {@code consume}; the transaction (and
   * the cursor) stay open until the future {@code consume} returns completes.
   */
  public Future<Void> stream(Query query, UUID trainerId, UUID traineeId, Function<RowStream<Row>, Future<Void>> consume) {
    return pool.withTransaction(tx -> tx.prepare(query.sql)
        .compose(statement -> consume.apply(statement.createStream(FETCH_SIZE, Tuple.of(traineeId, trainerId)))));
  }
}
