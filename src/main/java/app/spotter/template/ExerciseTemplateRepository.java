package app.spotter.template;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The exercises of session templates. The table has no trainer column, so every statement that
 * takes an exercise id also names its template and that template's trainer.
 */
public final class ExerciseTemplateRepository {
  static final TableMapping TABLE = new TableMapping("exercise_template", List.of(
      Column.of("session_template_id", Kind.UUID_ID),
      Column.of("exercise_name", Kind.TEXT),
      Column.of("exercise_id", Kind.TEXT),
      Column.of("exercise_description", Kind.TEXT),
      Column.of("category", Kind.TEXT),
      Column.of("muscle_groups", Kind.JSON, new JsonArray()),
      Column.of("difficulty", Kind.TEXT),
      Column.of("equipment", Kind.JSON, new JsonArray()),
      Column.of("order_index", Kind.INT),
      Column.of("target_sets", Kind.INT),
      Column.of("target_reps", Kind.INT),
      Column.of("target_weight", Kind.DECIMAL),
      Column.of("target_rpe", Kind.DECIMAL),
      Column.of("rest_between_sets", Kind.INT),
      Column.of("superset_group", Kind.TEXT),
      Column.of("instructions", Kind.TEXT),
      Column.of("tips", Kind.TEXT),
      Column.of("notes", Kind.TEXT)));

  /** order_index is unique per template and checked to 0..10000, so no template has more exercises. */
  private static final int MAX_EXERCISES = 10_001;

  private static final String INSERT = TABLE.insertSql();
  /** Every exercise of template $1 copied into template $2, positions kept. */
  private static final String COPY_ALL = TABLE.copySql(Map.of("session_template_id", "$2"), "session_template_id = $1");
  private static final String NEXT_POSITION = OrderIndex.nextSql(TABLE.table(), "session_template_id");
  private static final String LIST = "SELECT " + TABLE.selectList() + " FROM exercise_template"
      + " WHERE session_template_id = $1 AND " + OrderIndex.after(2) + " " + OrderIndex.ORDER_BY + " LIMIT $4";
  private static final String LIST_OF_TEMPLATES = "SELECT " + TABLE.selectList() + " FROM exercise_template"
      + " WHERE session_template_id = ANY($1) " + OrderIndex.ORDER_BY;
  private static final String FIND = "SELECT " + TABLE.selectList("e") + " FROM exercise_template e"
      + " JOIN session_template t ON t.id = e.session_template_id"
      + " WHERE e.id = $1 AND e.session_template_id = $2 AND t.trainer_id = $3";
  private static final String UPDATE = TABLE.updateSql("AND session_template_id = (SELECT id FROM session_template"
      + " WHERE id = $" + (TABLE.updateParameterCount() + 1) + " AND trainer_id = $" + (TABLE.updateParameterCount() + 2) + ")");
  /** Moves one exercise; only one that really moves counts as changed (new version). */
  private static final String MOVE = "UPDATE exercise_template SET order_index = $2::int, version = version + 1,"
      + " updated_at = now() WHERE id = $1 AND session_template_id = $3 AND order_index <> $2";
  private static final String DELETE = "DELETE FROM exercise_template e USING session_template t"
      + " WHERE e.id = $1 AND e.session_template_id = $2 AND t.id = e.session_template_id AND t.trainer_id = $3"
      + " AND ($4::int IS NULL OR e.version = $4)";

  private final Pool pool;

  public ExerciseTemplateRepository(Pool pool) {
    this.pool = pool;
  }

  /** {@code exercise} must carry its {@code orderIndex}. */
  public Future<JsonObject> insert(SqlClient client, UUID templateId, JsonObject exercise) {
    return client.preparedQuery(INSERT)
        .execute(TABLE.writeTuple(exercise.copy().put("sessionTemplateId", templateId.toString())))
        .map(rows -> TABLE.toJson(rows.iterator().next()));
  }

  /** The position after the last exercise, 0 for the first. */
  /** Copies every exercise of {@code from} into {@code to}, in the caller's transaction. */
  public Future<Void> copyAll(SqlClient tx, UUID from, UUID to) {
    return tx.preparedQuery(COPY_ALL).execute(Tuple.of(from, to)).mapEmpty();
  }

  public Future<Integer> nextPosition(SqlClient client, UUID templateId) {
    return client.preparedQuery(NEXT_POSITION).execute(Tuple.of(templateId)).map(rows -> rows.iterator().next().getInteger(0));
  }

  /** All of a template's exercises in order. */
  public Future<List<JsonObject>> listAll(SqlClient client, UUID templateId) {
    return client.preparedQuery(LIST).execute(Tuple.of(templateId, null, null, MAX_EXERCISES)).map(TABLE::all);
  }

  public Future<List<JsonObject>> list(UUID templateId, Integer afterPosition, UUID afterId, int limit) {
    return pool.preparedQuery(LIST).execute(Tuple.of(templateId, afterPosition, afterId, limit))
        .map(TABLE::all);
  }

  /** The exercises of several templates in one query, each template's in order. */
  public Future<List<JsonObject>> listOf(List<UUID> templateIds) {
    return pool.preparedQuery(LIST_OF_TEMPLATES).execute(Tuple.of(templateIds.toArray(UUID[]::new)))
        .map(TABLE::all);
  }

  public Future<Optional<JsonObject>> find(UUID trainerId, UUID templateId, UUID id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id, templateId, trainerId)).map(TABLE::first);
  }

  /** Empty when the row is gone or its version moved on. */
  public Future<Optional<JsonObject>> update(UUID trainerId, JsonObject merged, int expectedVersion) {
    Tuple tuple = TABLE.writeTuple(merged)
        .addUUID(UUID.fromString(merged.getString("id")))
        .addInteger(expectedVersion)
        .addUUID(UUID.fromString(merged.getString("sessionTemplateId")))
        .addUUID(trainerId);
    return pool.preparedQuery(UPDATE).execute(tuple).map(TABLE::first);
  }

  /** Gives {@code ids[i]} position i; call with the template locked and the ids checked to be its exercises. */
  public Future<Void> reorder(SqlClient tx, UUID templateId, List<UUID> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> moves = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      moves.add(Tuple.of(ids.get(i), i, templateId));
    }
    return tx.preparedQuery(MOVE).executeBatch(moves).mapEmpty();
  }

  /** {@code expectedVersion} null = unconditional. Returns whether a row was deleted. */
  public Future<Boolean> delete(UUID trainerId, UUID templateId, UUID id, Integer expectedVersion) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(id, templateId, trainerId, expectedVersion))
        .map(rows -> rows.rowCount() > 0);
  }
}
