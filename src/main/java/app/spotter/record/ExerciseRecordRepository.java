package app.spotter.record;

import app.spotter.infra.db.Column;
import app.spotter.infra.db.Kind;
import app.spotter.infra.db.OrderIndex;
import app.spotter.infra.db.TableMapping;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The exercises performed in a session record, each with its {@code sets} array. */
public final class ExerciseRecordRepository {
  static final TableMapping TABLE = new TableMapping("exercise_record", List.of(
      Column.of("session_record_id", Kind.UUID_ID),
      Column.of("exercise_template_id", Kind.UUID_ID),
      Column.of("exercise_name", Kind.TEXT),
      Column.of("exercise_description", Kind.TEXT),
      Column.of("category", Kind.TEXT),
      Column.of("muscle_groups", Kind.JSON, new JsonArray()),
      Column.of("difficulty", Kind.TEXT),
      Column.of("equipment", Kind.JSON, new JsonArray()),
      Column.of("order_index", Kind.INT),
      Column.of("sets", Kind.JSON, new JsonArray()),
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
      Column.of("rest_between_sets", Kind.INT),
      Column.of("started_at", Kind.TIMESTAMP),
      Column.of("completed_at", Kind.TIMESTAMP)));

  private static final String INSERT = TABLE.insertSql();
  /** A page of one record's exercises in order. */
  private static final String PAGE = "SELECT " + TABLE.selectList() + " FROM exercise_record"
      + " WHERE session_record_id = $1 AND " + OrderIndex.after(2) + " " + OrderIndex.ORDER_BY + " LIMIT $4";
  /** Every exercise of several records, for returning records with their exercises inline. */
  private static final String OF_RECORDS = "SELECT " + TABLE.selectList() + " FROM exercise_record"
      + " WHERE session_record_id = ANY($1) ORDER BY session_record_id, order_index, id";
  private static final String FIND = "SELECT " + TABLE.selectList() + " FROM exercise_record"
      + " WHERE id = $1 AND session_record_id = $2";
  private static final String NEXT_ORDER_INDEX = OrderIndex.nextSql(TABLE.table(), "session_record_id");
  private static final String UPDATE = TABLE.updateSql("AND session_record_id = $" + (TABLE.updateParameterCount() + 1));
  /** What a live set command changes: the sets, and the start time at the first set. */
  private static final List<String> SET_FIELDS = List.of("sets", "startedAt");
  private static final String UPDATE_SETS =
      TABLE.updateSql(SET_FIELDS, "AND session_record_id = $" + (TABLE.updateParameterCount(SET_FIELDS) + 1));
  private static final String DELETE = "DELETE FROM exercise_record WHERE id = $1 AND session_record_id = $2 AND version = $3";
  /** How many of the given exercise templates belong to the trainer (through their session template). */
  private static final String TEMPLATES_OWNED = "SELECT count(*) FROM exercise_template et"
      + " JOIN session_template st ON st.id = et.session_template_id WHERE et.id = ANY($1) AND st.trainer_id = $2";

  private final Pool pool;

  public ExerciseRecordRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonObject> insert(SqlClient tx, JsonObject exercise) {
    return tx.preparedQuery(INSERT).execute(TABLE.writeTuple(exercise)).map(rows -> TABLE.toJson(rows.iterator().next()));
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
    return tx.preparedQuery(FIND).execute(Tuple.of(id, recordId)).map(TABLE::first);
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

  /**
   * Writes only the sets and start time of an exercise read in the same transaction, the hot path of
   * a live session (the other columns, and the stored row, stay where they are); false when the row
   * is gone or its version moved on.
   */
  public Future<Boolean> updateSets(SqlClient tx, JsonObject exercise, int expectedVersion) {
    Tuple tuple = TABLE.writeTuple(exercise, SET_FIELDS)
        .addUUID(UUID.fromString(exercise.getString("id")))
        .addInteger(expectedVersion)
        .addUUID(UUID.fromString(exercise.getString("sessionRecordId")));
    return tx.preparedQuery(UPDATE_SETS).execute(tuple).map(rows -> rows.rowCount() > 0);
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
