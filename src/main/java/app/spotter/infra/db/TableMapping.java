package app.spotter.infra.db;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A table's columns and their JSON names, declared once per repository. It writes the column
 * lists of that repository's SQL constants and maps rows to JSON; values are always bound as
 * parameters, never spliced in. Columns it does not declare (password and token hashes) never
 * reach JSON.
 *
 * <p>A table edited through the API has {@code id}, {@code created_at}, {@code updated_at} and
 * {@code version}; its writable columns are the ones a create or update sets from JSON, and
 * read-only ones are shown but set only by the server's own statements.
 */
public final class TableMapping {
  private static final Column ID = Column.of("id", Kind.UUID_ID);
  private static final Column CREATED_AT = Column.of("created_at", Kind.TIMESTAMP);
  private static final List<Column> VERSIONED = List.of(ID, CREATED_AT,
      Column.of("updated_at", Kind.TIMESTAMP),
      Column.of("version", Kind.INT));

  private final String table;
  private final List<Column> writable;
  private final List<Column> all;
  private final Map<List<String>, List<Column>> subsets = new ConcurrentHashMap<>();

  public TableMapping(String table, List<Column> writable) {
    this(table, VERSIONED, writable, List.of());
  }

  public TableMapping(String table, List<Column> writable, List<Column> readOnly) {
    this(table, VERSIONED, writable, readOnly);
  }

  private TableMapping(String table, List<Column> managed, List<Column> writable, List<Column> readOnly) {
    this.table = table;
    this.writable = List.copyOf(writable);
    List<Column> columns = new ArrayList<>(managed);
    columns.addAll(writable);
    columns.addAll(readOnly);
    this.all = List.copyOf(columns);
  }

  /** Like {@link #TableMapping(String, List, List)}, for a table whose {@code id} is text, not a UUID. */
  public static TableMapping textKeyed(String table, List<Column> writable, List<Column> readOnly) {
    List<Column> managed = new ArrayList<>(VERSIONED);
    managed.set(0, Column.of("id", Kind.TEXT));
    return new TableMapping(table, managed, writable, readOnly);
  }

  /**
   * A table without {@code updated_at} and {@code version}, written only by its repository's own
   * statements and read through this mapping: {@code id}, {@code created_at} and {@code shown}.
   */
  public static TableMapping readOnly(String table, List<Column> shown) {
    return new TableMapping(table, List.of(ID, CREATED_AT), List.of(), shown);
  }

  public String table() {
    return table;
  }

  /** {@code a, b, c} — every column, for SELECT and RETURNING; derived ones name the table, so not for an aliased FROM. */
  public String selectList() {
    return select(c -> c.selected(c.expression() == null ? "" : table, c.name()));
  }

  /** The same list qualified by a table alias, for joins. */
  public String selectList(String alias) {
    return select(c -> c.selected(alias, c.name()));
  }

  /** {@code alias.a AS prefix_a, ...}: this table as the second side of a join; read back with {@link #toJson(Row, String)}. */
  public String selectList(String alias, String prefix) {
    return select(c -> c.selected(alias, prefix + c.name()));
  }

  private String select(Function<Column, String> selected) {
    return all.stream().map(selected).collect(Collectors.joining(", "));
  }

  /** {@code INSERT INTO t (w1..wn) VALUES ($1::type1..$n::typen) RETURNING} every column; bind with {@link #writeTuple}. */
  public String insertSql() {
    String names = writable.stream().map(Column::name).collect(Collectors.joining(", "));
    StringBuilder params = new StringBuilder();
    for (int i = 0; i < writable.size(); i++) {
      params.append(i == 0 ? "" : ", ").append(parameter(i + 1, writable.get(i)));
    }
    return "INSERT INTO " + table + " (" + names + ") VALUES (" + params + ") RETURNING " + selectList();
  }

  /**
   * {@code INSERT INTO t (w1..wn) SELECT ... FROM t WHERE where}: copies rows within the table, each
   * writable column as it is unless {@code replaced} gives an SQL expression for it (a new parent id,
   * say). Built from the mapping, so a column added to it is copied too.
   */
  public String copySql(Map<String, String> replaced, String where) {
    String names = writable.stream().map(Column::name).collect(Collectors.joining(", "));
    String values = writable.stream().map(c -> replaced.getOrDefault(c.name(), c.name())).collect(Collectors.joining(", "));
    return "INSERT INTO " + table + " (" + names + ") SELECT " + values + " FROM " + table + " WHERE " + where;
  }

  /**
   * {@code UPDATE t SET w1=$1::type1..wn=$n::typen, version=version+1, updated_at=now() WHERE id=$n+1 AND version=$n+2}
   * followed by {@code extraWhere} (more parameters from $n+3 on), returning the row. Bind with
   * {@link #writeTuple} then id, version.
   */
  public String updateSql(String extraWhere) {
    return update(writable, extraWhere) + " RETURNING " + selectList();
  }

  /**
   * The same for only the named writable fields, returning nothing: for a statement that changes a
   * known few columns of a wide row, so neither side handles the others. Bind with
   * {@link #writeTuple(JsonObject, List)} then id, version.
   */
  public String updateSql(List<String> fields, String extraWhere) {
    return update(columns(fields), extraWhere);
  }

  private String update(List<Column> columns, String extraWhere) {
    StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
    for (int i = 0; i < columns.size(); i++) {
      sql.append(columns.get(i).name()).append(" = ").append(parameter(i + 1, columns.get(i))).append(", ");
    }
    int n = columns.size();
    sql.append("version = version + 1, updated_at = now() WHERE id = $").append(n + 1)
        .append(" AND version = $").append(n + 2);
    if (!extraWhere.isEmpty()) {
      sql.append(' ').append(extraWhere);
    }
    return sql.toString();
  }

  /** {@code $n::type}: the value bound for {@code column}, typed as its kind (see {@link Kind#sqlType}). */
  private static String parameter(int n, Column column) {
    return "$" + n + "::" + column.kind().sqlType();
  }

  /** Number of parameters {@link #updateSql(String)} uses before {@code extraWhere}'s own. */
  public int updateParameterCount() {
    return writable.size() + 2;
  }

  /** Number of parameters {@link #updateSql(List, String)} uses before {@code extraWhere}'s own. */
  public int updateParameterCount(List<String> fields) {
    return fields.size() + 2;
  }

  /** The writable columns' values, read from a JSON object by their field names (absent = null). */
  public Tuple writeTuple(JsonObject json) {
    return write(json, writable);
  }

  /** The named writable fields' values, in the order named. */
  public Tuple writeTuple(JsonObject json, List<String> fields) {
    return write(json, columns(fields));
  }

  private static Tuple write(JsonObject json, List<Column> columns) {
    Tuple tuple = Tuple.tuple();
    for (Column c : columns) {
      tuple.addValue(c.toSql(json.getValue(c.field())));
    }
    return tuple;
  }

  /** Looked up once per list of fields: a hot statement binds through it for every row it writes. */
  private List<Column> columns(List<String> fields) {
    return subsets.computeIfAbsent(fields, names -> names.stream()
        .map(field -> writable.stream().filter(c -> c.field().equals(field)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException(table + " has no writable field " + field)))
        .toList());
  }

  public JsonObject toJson(Row row) {
    return toJson(row, "");
  }

  /** The columns selected under {@code prefix}; null when the row has none (an outer join that found nothing). */
  public JsonObject toJson(Row row, String prefix) {
    if (row.getValue(prefix + "id") == null) {
      return null;
    }
    JsonObject json = new JsonObject();
    for (Column c : all) {
      json.put(c.field(), c.kind().fromRow(row, prefix + c.name()));
    }
    return json;
  }

  /** The first row as JSON; empty when there is none (not found, or a version check that did not match). */
  public Optional<JsonObject> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(toJson(rows.iterator().next()));
  }

  /** Every row as JSON, in the order read. */
  public List<JsonObject> all(RowSet<Row> rows) {
    List<JsonObject> out = new ArrayList<>(rows.size());
    rows.forEach(row -> out.add(toJson(row)));
    return out;
  }
}
