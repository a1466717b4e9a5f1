package app.spotter.infra.db;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One column and the camelCase JSON field it is exposed as. A derived column is no column of the
 * table but a value selected per row by an SQL expression (read-only).
 */
public record Column(String name, String field, Kind kind, Object whenNull, String expression) {

  public static Column of(String name, Kind kind) {
    return new Column(name, camel(name), kind, null, null);
  }

  /** A NOT NULL column: an absent or null value is written as {@code whenNull} ([] , {} or false). */
  public static Column of(String name, Kind kind, Object whenNull) {
    return new Column(name, camel(name), kind, whenNull, null);
  }

  /** Selected as {@code expression AS name}; in the expression, {@code {row}} stands for the row's table or alias. */
  public static Column derived(String name, Kind kind, String expression) {
    return new Column(name, camel(name), kind, null, expression);
  }

  /** This column in a select list, of the row called {@code row}, named {@code as} in the result. */
  String selected(String row, String as) {
    if (expression != null) {
      return expression.replace("{row}", row) + " AS " + as;
    }
    String value = row.isEmpty() ? name : row + "." + name;
    return as.equals(name) ? value : value + " AS " + as;
  }

  public Object toSql(Object json) {
    Object value = json == null ? whenNull : json;
    if (value instanceof JsonArray a) {
      return a.copy();
    }
    if (value instanceof JsonObject o) {
      return o.copy();
    }
    return kind.toSql(value);
  }

  public static String camel(String snake) {
    StringBuilder out = new StringBuilder(snake.length());
    boolean upper = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
