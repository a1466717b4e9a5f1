package app.spotter.exercise;

import app.spotter.api.Page;
import app.spotter.infra.db.Column;
import app.spotter.infra.db.Kind;
import app.spotter.infra.db.TableMapping;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The exercise library and custom exercises. A trainer (or their trainee) sees the library and that
 * trainer's own customs; every statement says so, so another trainer's custom is simply not found.
 */
public final class ExerciseRepository {
  static final TableMapping TABLE = TableMapping.textKeyed("exercise", List.of(
      Column.of("name", Kind.TEXT),
      Column.of("category", Kind.TEXT),
      Column.of("equipment", Kind.TEXT),
      Column.of("level", Kind.TEXT),
      Column.of("force", Kind.TEXT),
      Column.of("mechanic", Kind.TEXT),
      Column.of("primary_muscles", Kind.JSON, new JsonArray()),
      Column.of("secondary_muscles", Kind.JSON, new JsonArray())),
      List.of(Column.derived("custom", Kind.BOOL, "({row}.trainer_id IS NOT NULL)")));

  /** Who sees what: the library is everyone's, a custom exercise its trainer's ($2 here). */
  private static final String VISIBLE = visibleIn("e", 2);

  /**
   * How well a name matches the query, best first (docs/exercises.md): 0 the name starts with it,
   * 1 every query word starts a word of the name, 2 the name contains it, 3 every query word is a
   * typo away from the start of a word of the name (edits allowed: 1 from 4 letters, 2 from 5; the
   * first letter right, which keeps far-fetched matches out); null no match. Without a query every
   * exercise is tier 0.
   */
  private static final String TIER = """
      CASE WHEN q.text IS NULL OR starts_with(e.search_name, q.text) THEN 0
        WHEN cardinality(q.words) = 0 THEN CASE WHEN strpos(e.search_name, q.text) > 0 THEN 2 END
        WHEN NOT EXISTS (SELECT 1 FROM unnest(q.words) w
          WHERE NOT EXISTS (SELECT 1 FROM unnest(e.search_words) n WHERE starts_with(n, w))) THEN 1
        WHEN strpos(e.search_name, q.text) > 0 THEN 2
        WHEN NOT EXISTS (SELECT 1 FROM unnest(q.words) w
          WHERE NOT EXISTS (SELECT 1 FROM unnest(e.search_words) n WHERE starts_with(n, w)
            OR length(w) >= 4 AND left(n, 1) = left(w, 1) AND least(
              levenshtein_less_equal(w, left(n, length(w) - 1), 2),
              levenshtein_less_equal(w, left(n, length(w)), 2),
              levenshtein_less_equal(w, left(n, length(w) + 1), 2)) <= CASE WHEN length(w) >= 5 THEN 2 ELSE 1 END)) THEN 3
      END""";

  /**
   * A page of search results: $1 query (null: all), $2 trainer, $3 primary muscle, $4 equipment,
   * $5 category (each null: any), after the cursor $6 tier, $7 closeness, $8 sort key, $9 id; $10 rows.
   * Within a tier, names closer to the query as a whole (trigram similarity, in thousandths) come
   * first, then by name.
   */
  private static final String SEARCH = "WITH q AS (SELECT exercise_search_text($1) AS text, exercise_search_words($1) AS words),"
      + " ranked AS (SELECT " + TABLE.selectList("e") + ", e.search_name AS sort_key, " + TIER + " AS tier,"
      + " coalesce(round(similarity(q.text, e.search_name) * 1000)::int, 0) AS closeness"
      + " FROM exercise e, q WHERE " + VISIBLE
      + " AND ($3::text IS NULL OR e.primary_muscles @> jsonb_build_array($3::text))"
      + " AND ($4::text IS NULL OR e.equipment = $4) AND ($5::text IS NULL OR e.category = $5))"
      + " SELECT * FROM ranked WHERE tier IS NOT NULL"
      + " AND ($6::int IS NULL OR (tier, -closeness, sort_key, id) > ($6, -$7::int, $8::text, $9::text))"
      + " ORDER BY tier, closeness DESC, sort_key, id LIMIT $10";
  private static final String FIND = "SELECT " + TABLE.selectList("e") + " FROM exercise e WHERE e.id = $1 AND " + VISIBLE;
  private static final String INSERT = "INSERT INTO exercise (id, trainer_id, name, category, equipment, level, force,"
      + " mechanic, primary_muscles, secondary_muscles) VALUES ($9, $10, $1, $2, $3, $4, $5, $6, $7, $8)"
      + " RETURNING " + TABLE.selectList();
  private static final String UPDATE = TABLE.updateSql("AND trainer_id = $" + (TABLE.updateParameterCount() + 1));
  /** Never one that sessions were logged with: their personal records are kept under its id. */
  private static final String DELETE =
      "DELETE FROM exercise WHERE id = $1 AND trainer_id = $2 AND ($3::int IS NULL OR version = $3)"
          + " AND NOT EXISTS (SELECT 1 FROM exercise_record r WHERE r.exercise_id = $1)";
  private static final String IN_HISTORY = "SELECT 1 FROM exercise_record WHERE exercise_id = $1 LIMIT 1";
  private static final String COUNT_VISIBLE = "SELECT count(*) FROM exercise e WHERE e.id = ANY($1) AND " + VISIBLE;

  private final Pool pool;

  public ExerciseRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Whether exercise {@code $idParameter} is the library's or trainer {@code $trainerParameter}'s,
   * for statements of other features that take an exerciseId.
   */
  public static String visibleSql(int idParameter, int trainerParameter) {
    return "EXISTS (SELECT 1 FROM exercise x WHERE x.id = $" + idParameter + " AND " + visibleIn("x", trainerParameter) + ")";
  }

  private static String visibleIn(String row, int trainerParameter) {
    return "(" + row + ".trainer_id IS NULL OR " + row + ".trainer_id = $" + trainerParameter + ")";
  }

  public Future<List<Page.Keyed>> search(UUID trainerId, ExerciseSearch search, Page page) {
    Tuple tuple = Tuple.of(search.query(), trainerId, search.muscle(), search.equipment(), search.category())
        .addValue(page.afterInt(0)).addValue(page.afterInt(1)).addValue(page.afterString(2))
        .addValue(page.afterString(3)).addInteger(page.fetchSize());
    return pool.preparedQuery(SEARCH).execute(tuple).map(rows -> {
      List<Page.Keyed> out = new ArrayList<>(rows.size());
      for (Row row : rows) {
        out.add(new Page.Keyed(TABLE.toJson(row), new JsonArray().add(row.getInteger("tier"))
            .add(row.getInteger("closeness")).add(row.getString("sort_key")).add(row.getString("id"))));
      }
      return out;
    });
  }

  /** A library entry or one of the trainer's customs. */
  public Future<Optional<JsonObject>> find(UUID trainerId, String id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id, trainerId)).map(TABLE::first);
  }

  public Future<JsonObject> insertCustom(UUID trainerId, String id, JsonObject exercise) {
    return pool.preparedQuery(INSERT).execute(TABLE.writeTuple(exercise).addString(id).addUUID(trainerId))
        .map(rows -> TABLE.toJson(rows.iterator().next()));
  }

  /** Empty when the custom is gone or its version moved on. */
  public Future<Optional<JsonObject>> updateCustom(UUID trainerId, JsonObject merged, int expectedVersion) {
    Tuple tuple = TABLE.writeTuple(merged).addString(merged.getString("id")).addInteger(expectedVersion)
        .addUUID(trainerId);
    return pool.preparedQuery(UPDATE).execute(tuple).map(TABLE::first);
  }

  public Future<Boolean> inHistory(String id) {
    return pool.preparedQuery(IN_HISTORY).execute(Tuple.of(id)).map(rows -> rows.size() > 0);
  }

  /** {@code expectedVersion} null = unconditional. Returns whether a row was deleted. */
  public Future<Boolean> deleteCustom(UUID trainerId, String id, Integer expectedVersion) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(id, trainerId, expectedVersion)).map(rows -> rows.rowCount() > 0);
  }

  /** Whether the trainer sees every one of {@code ids} (distinct). */
  public Future<Boolean> allVisible(UUID trainerId, Collection<String> ids) {
    return pool.preparedQuery(COUNT_VISIBLE).execute(Tuple.of(ids.toArray(String[]::new), trainerId))
        .map(rows -> rows.iterator().next().getLong(0) == ids.size());
  }
}
