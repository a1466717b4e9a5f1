package app.spotter.record;

import app.spotter.infra.db.Column;
import app.spotter.infra.db.KeyedRead;
import app.spotter.infra.db.Kind;
import app.spotter.infra.db.OrderIndex;
import app.spotter.infra.db.RequireChanged;
import app.spotter.infra.db.TableMapping;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The exercises performed in a session record, each shown with its {@code sets} array. The sets are
 * rows of {@code exercise_set} (V4), so logging one inserts a row instead of rewriting the array; a
 * change to an exercise's sets moves the exercise's version on, as a change to its columns does.
 */
public final class ExerciseRecordRepository {
  /** An exercise's sets as the API shows them. */
  private static final String SETS_OF_ROW = "(SELECT coalesce(jsonb_agg(s.body ORDER BY s.position), '[]')"
      + " FROM exercise_set s WHERE s.exercise_record_id = {row}.id)";
  static final TableMapping TABLE = new TableMapping("exercise_record", List.of(
      Column.of("session_record_id", Kind.UUID_ID),
      Column.of("exercise_template_id", Kind.UUID_ID),
      Column.of("exercise_name", Kind.TEXT),
      Column.of("exercise_id", Kind.TEXT),
      Column.of("exercise_description", Kind.TEXT),
      Column.of("category", Kind.TEXT),
      Column.of("muscle_groups", Kind.JSON, new JsonArray()),
      Column.of("difficulty", Kind.TEXT),
      Column.of("equipment", Kind.JSON, new JsonArray()),
      Column.of("order_index", Kind.INT),
      Column.of("notes", Kind.TEXT),
      Column.of("perceived_exertion", Kind.INT),
      Column.of("form_rating", Kind.INT),
      Column.of("completed", Kind.BOOL, false),
      Column.of("skipped", Kind.BOOL, false),
      Column.of("skip_reason", Kind.TEXT),
      Column.of("modification_notes", Kind.TEXT),
      Column.of("target_sets", Kind.INT),
      Column.of("target_reps", Kind.INT),
      Column.of("target_weight", Kind.DECIMAL),
      Column.of("target_rpe", Kind.DECIMAL),
      Column.of("rest_between_sets", Kind.INT),
      Column.of("superset_group", Kind.TEXT),
      Column.of("started_at", Kind.TIMESTAMP),
      Column.of("completed_at", Kind.TIMESTAMP)),
      List.of(Column.derived("sets", Kind.JSON, SETS_OF_ROW)));

  private static final String INSERT = TABLE.insertSql();
  /** A page of one record's exercises in order. */
  private static final String PAGE = "SELECT " + TABLE.selectList() + " FROM exercise_record"
      + " WHERE session_record_id = $1 AND " + OrderIndex.after(2) + " " + OrderIndex.ORDER_BY + " LIMIT $4";
  /** Every exercise of several records, for returning records with their exercises inline. */
  private static final String OF_RECORDS = "SELECT " + TABLE.selectList() + " FROM exercise_record"
      + " WHERE session_record_id = ANY($1) ORDER BY session_record_id, order_index, id";
  private static final KeyedRead FIND = new KeyedRead("SELECT " + TABLE.selectList() + " FROM exercise_record"
      + " WHERE id = $1 AND session_record_id = $2", "uuid", "uuid");
  private static final String NEXT_ORDER_INDEX = OrderIndex.nextSql(TABLE.table(), "session_record_id");
  private static final String UPDATE = TABLE.updateSql("AND session_record_id = $" + (TABLE.updateParameterCount() + 1));
  /**
   * The session's exercises in order as {@link SetTarget.ExerciseProgress}, read only when the
   * exercise ({@code e}) has a superset label.
   */
  private static final String LINEUP = "CASE WHEN e.superset_group IS NULL THEN NULL ELSE"
      + " (SELECT jsonb_agg(jsonb_build_array(m.id, m.superset_group, m.target_sets, m.completed OR m.skipped,"
      + " (SELECT count(*) FROM exercise_set s WHERE s.exercise_record_id = m.id"
      + " AND coalesce(s.body ->> 'kind', 'working') <> 'warmup')) ORDER BY m.order_index, m.id)"
      + " FROM exercise_record m WHERE m.session_record_id = $2) END";
  /**
   * What logging a set needs of the exercise ($1, of record $2): its version and number of sets, and
   * whether the new set's id ($3) is taken: held by the exercise, or logged before in the session by a
   * log-set (through the index live_event_set_logged, V2), even of a set deleted since. One row also
   * when the exercise is not in the record.
   */
  private static final KeyedRead FIND_SET_TARGET = new KeyedRead("SELECT e.version, " + LINEUP + " AS lineup,"
      + " (SELECT count(*) FROM exercise_set s WHERE s.exercise_record_id = e.id) AS set_count,"
      + " EXISTS (SELECT 1 FROM exercise_set s WHERE s.exercise_record_id = e.id AND s.id = $3)"
      + " OR EXISTS (SELECT 1 FROM live_session_event v WHERE v.session_record_id = $2 AND v.name = 'set-logged'"
      + " AND v.payload #>> '{set,id}' = $3) AS set_id_taken"
      + " FROM (VALUES (1)) AS one (x) LEFT JOIN exercise_record e ON e.id = $1 AND e.session_record_id = $2",
      "uuid", "uuid", "text");
  /**
   * The live rewrite of an exercise's sets is sent without waiting for its answers, with COMMIT close
   * behind ({@code PipelinedTransaction}): its bump fails as a statement ({@link RequireChanged}) when
   * its version check matches no row, so that the transaction cannot commit without it. (A new or
   * changed set goes out with its event, in {@code LiveRepository}.)
   */
  private static final String VERSION_BUMP =
      TABLE.updateSql(List.of(), "AND session_record_id = $" + (TABLE.updateParameterCount(List.of()) + 1));
  /** Moves the exercise's version on: $1 id, $2 version, $3 session record. */
  private static final String BUMP = "WITH bumped AS (" + VERSION_BUMP + " RETURNING 1)"
      + " SELECT require_changed(count(*)) FROM bumped";
  private static final String DELETE_SETS = "DELETE FROM exercise_set WHERE exercise_record_id = $1";
  /** An exercise's sets ($2, an array) in its order, answering them as stored. */
  private static final String INSERT_SETS = "WITH added AS (INSERT INTO exercise_set (exercise_record_id, id, position, body)"
      + " SELECT $1, s.item ->> 'id', s.position, s.item FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS s(item, position)"
      + " RETURNING position, body) SELECT coalesce(jsonb_agg(body ORDER BY position), '[]') FROM added";
  private static final String DELETE = "DELETE FROM exercise_record WHERE id = $1 AND session_record_id = $2 AND version = $3";
  /** How many of the given exercise templates belong to the trainer (through their session template). */
  private static final String TEMPLATES_OWNED = "SELECT count(*) FROM exercise_template et"
      + " JOIN session_template st ON st.id = et.session_template_id WHERE et.id = ANY($1) AND st.trainer_id = $2";

  private final Pool pool;

  public ExerciseRecordRepository(Pool pool) {
    this.pool = pool;
  }

  /** Inserts the exercise and its {@code sets}, resolving to both as stored. */
  public Future<JsonObject> insert(SqlClient tx, JsonObject exercise) {
    return tx.preparedQuery(INSERT).execute(TABLE.writeTuple(exercise))
        .map(rows -> TABLE.toJson(rows.iterator().next()))
        .compose(inserted -> insertSets(tx, UUID.fromString(inserted.getString("id")), exercise.getJsonArray("sets"))
            .map(sets -> inserted.put("sets", sets)));
  }

  /** Inserts in the given order, one after another on the same transaction. */
  public Future<List<JsonObject>> insertAll(SqlClient tx, List<JsonObject> exercises) {
    List<JsonObject> out = new ArrayList<>(exercises.size());
    Future<Void> chain = Future.succeededFuture();
    for (JsonObject exercise : exercises) {
      chain = chain.compose(v -> insert(tx, exercise)).map(inserted -> {
        out.add(inserted);
        return null;
      });
    }
    return chain.map(v -> out);
  }

  /** The callers have already checked access to the record(s). */
  public Future<List<JsonObject>> page(UUID recordId, Integer afterIndex, UUID afterId, int limit) {
    return pool.preparedQuery(PAGE).execute(Tuple.of(recordId, afterIndex, afterId, limit))
        .map(TABLE::all);
  }

  /** One record's exercises in order, read in the caller's transaction. */
  public Future<JsonArray> ofRecord(SqlClient tx, UUID recordId) {
    return tx.preparedQuery(OF_RECORDS).execute(Tuple.of((Object) new UUID[] {recordId}))
        .map(rows -> new JsonArray(TABLE.all(rows)));
  }

  /** Each record's exercises in order, keyed by record id; a record without exercises has no key. */
  public Future<Map<String, JsonArray>> ofRecords(List<UUID> recordIds) {
    return pool.preparedQuery(OF_RECORDS).execute(Tuple.of(recordIds.toArray(new UUID[0]))).map(rows -> {
      Map<String, JsonArray> byRecord = new HashMap<>();
      rows.forEach(row -> {
        JsonObject exercise = TABLE.toJson(row);
        byRecord.computeIfAbsent(exercise.getString("sessionRecordId"), id -> new JsonArray()).add(exercise);
      });
      return byRecord;
    });
  }

  public Future<Optional<JsonObject>> find(SqlClient tx, UUID recordId, UUID id) {
    return find(KeyedRead.Reader.of(tx), recordId, id);
  }

  public Future<Optional<JsonObject>> find(KeyedRead.Reader reader, UUID recordId, UUID id) {
    return reader.read(FIND, Tuple.of(id, recordId)).map(row -> row.map(TABLE::toJson));
  }

  public Future<Integer> nextOrderIndex(SqlClient tx, UUID recordId) {
    return tx.preparedQuery(NEXT_ORDER_INDEX).execute(Tuple.of(recordId)).map(rows -> rows.iterator().next().getInteger(0));
  }

  /** Empty when the row is gone or its version moved on. */
  public Future<Optional<JsonObject>> update(SqlClient tx, JsonObject merged, int expectedVersion) {
    Tuple tuple = TABLE.writeTuple(merged)
        .addUUID(UUID.fromString(merged.getString("id")))
        .addInteger(expectedVersion)
        .addUUID(UUID.fromString(merged.getString("sessionRecordId")));
    return tx.preparedQuery(UPDATE).execute(tuple).map(TABLE::first);
  }

  /** {@link #update}, then the exercise's sets replaced by {@code merged}'s, when the version matched. */
  public Future<Optional<JsonObject>> updateWithSets(SqlClient tx, JsonObject merged, int expectedVersion) {
    return update(tx, merged, expectedVersion).compose(updated -> updated.isEmpty() ? Future.succeededFuture(updated)
        : replaceSets(tx, UUID.fromString(merged.getString("id")), merged.getJsonArray("sets"))
            .map(sets -> Optional.of(updated.get().put("sets", sets))));
  }

  /** The exercise named by {@code id} as a set logged into it sees it. */
  public Future<SetTarget> findSetTarget(KeyedRead.Reader reader, UUID recordId, UUID id, String setId) {
    return reader.read(FIND_SET_TARGET, Tuple.of(id, recordId, setId)).map(row -> {
      Row r = row.orElseThrow();
      return new SetTarget(id, recordId, r.getInteger("version"), r.getLong("set_count").intValue(),
          r.getBoolean("set_id_taken"), lineup((JsonArray) r.getJson("lineup")));
    });
  }

  private static List<SetTarget.ExerciseProgress> lineup(JsonArray rows) {
    if (rows == null) {
      return List.of();
    }
    List<SetTarget.ExerciseProgress> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonArray x = rows.getJsonArray(i);
      out.add(new SetTarget.ExerciseProgress(UUID.fromString(x.getString(0)), x.getString(1), x.getInteger(2),
          x.getBoolean(3), x.getInteger(4)));
    }
    return out;
  }

  /**
   * Writes all sets of an exercise read in the same transaction (after a set was removed, say); false
   * when its version moved on (the transaction is then aborted).
   */
  public Future<Boolean> rewriteSets(SqlClient tx, JsonObject exercise) {
    Future<Boolean> bumped = RequireChanged.done(tx.preparedQuery(BUMP).execute(versionCheck(exercise)));
    Future<JsonArray> replaced = replaceSets(tx, UUID.fromString(exercise.getString("id")), exercise.getJsonArray("sets"));
    // After a failed bump the replacement fails too (the transaction is aborted): the bump says why.
    return bumped.compose(done -> done ? replaced.map(true) : Future.succeededFuture(false));
  }

  /** Id, version and session record: the parameters of {@link #VERSION_BUMP}. */
  private static Tuple versionCheck(JsonObject exercise) {
    return Tuple.of(UUID.fromString(exercise.getString("id")), exercise.getInteger("version"),
        UUID.fromString(exercise.getString("sessionRecordId")));
  }

  /** Both statements go out at once; the insert runs after the delete. */
  private Future<JsonArray> replaceSets(SqlClient tx, UUID exerciseId, JsonArray sets) {
    Future<Void> deleted = tx.preparedQuery(DELETE_SETS).execute(Tuple.of(exerciseId)).mapEmpty();
    Future<JsonArray> inserted = insertSets(tx, exerciseId, sets);
    return deleted.compose(v -> inserted);
  }

  private Future<JsonArray> insertSets(SqlClient tx, UUID exerciseId, JsonArray sets) {
    if (sets == null || sets.isEmpty()) {
      return Future.succeededFuture(new JsonArray());
    }
    return tx.preparedQuery(INSERT_SETS).execute(Tuple.of(exerciseId, sets))
        .map(rows -> (JsonArray) rows.iterator().next().getJson(0));
  }

  public Future<Boolean> delete(SqlClient tx, UUID recordId, UUID id, int expectedVersion) {
    return tx.preparedQuery(DELETE).execute(Tuple.of(id, recordId, expectedVersion)).map(rows -> rows.rowCount() > 0);
  }

  public Future<Boolean> templatesOwned(UUID trainerId, Set<UUID> templateIds) {
    if (templateIds.isEmpty()) {
      return Future.succeededFuture(true);
    }
    return pool.preparedQuery(TEMPLATES_OWNED).execute(Tuple.of(templateIds.toArray(new UUID[0]), trainerId))
        .map(rows -> rows.iterator().next().getLong(0) == templateIds.size());
  }
}
