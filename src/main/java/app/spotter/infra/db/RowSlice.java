package app.spotter.infra.db;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/** Columns {@code from} (inclusive) to {@code to} of a row, as a row of their own: read-only. */
final class RowSlice implements Row {
  private final Row row;
  private final int from;
  private final int to;

  RowSlice(Row row, int from, int to) {
    this.row = row;
    this.from = from;
    this.to = to;
  }

  @Override
  public String getColumnName(int pos) {
    return pos < 0 || pos >= size() ? null : row.getColumnName(from + pos);
  }

  @Override
  public int getColumnIndex(String name) {
    for (int i = from; i < to; i++) {
      if (name.equals(row.getColumnName(i))) {
        return i - from;
      }
    }
    return -1;
  }

  @Override
  public Object getValue(int pos) {
    if (pos < 0 || pos >= size()) {
      throw new IndexOutOfBoundsException(pos);
    }
    return row.getValue(from + pos);
  }

  @Override
  public int size() {
    return to - from;
  }

  @Override
  public List<Class<?>> types() {
    return row.types().subList(from, to);
  }

  @Override
  public Tuple addValue(Object value) {
    throw new UnsupportedOperationException("a row slice is read-only");
  }

  @Override
  public void clear() {
    throw new UnsupportedOperationException("a row slice is read-only");
  }
}
