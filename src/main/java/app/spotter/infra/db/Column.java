package app.spotter.infra.db;

/** One column and the camelCase JSON field it is exposed as. */
public record Column(String name, String field, Kind kind, Object whenNull) {

  public static Column of(String name, Kind kind) {
    return new Column(name, camel(name), kind, null);
  }

  /** A NOT NULL column: an absent or null value is written as {@code whenNull} ([] , {} or false). */
  public static Column of(String name, Kind kind, Object whenNull) {
    return new Column(name, camel(name), kind, whenNull);
  }

  public Object toSql(Object json) {
    Object value = json == null ? whenNull : json;
    if (value instanceof io.vertx.core.json.JsonArray a) {
      return a.copy();
    }
    if (value instanceof io.vertx.core.json.JsonObject o) {
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
