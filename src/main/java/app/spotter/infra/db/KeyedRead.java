package app.spotter.infra.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A read of at most one row, by parameters, that can also run for many sets of parameters in one
 * statement: the statement becomes a LATERAL subquery over the parameters' arrays, so Postgres plans
 * it once, starts one executor, takes one snapshot and sends one answer for all of them.
 */
public final class KeyedRead {
  private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)(?!\\d)");
  /** The column of the batched statement that says which parameters a row answers (1-based). */
  private static final String ORDINAL = "keyed_read_ordinal";
  private final String single;
  private final String batched;
  private final List<String> types;

  /** Where reads go: straight to a connection, or into a batch that sends many at once. */
  public interface Reader {
    Future<Optional<Row>> read(KeyedRead read, Tuple parameters);

    static Reader of(SqlClient client) {
      return (read, parameters) -> read.run(client, parameters);
    }
  }

  /** {@code sql} reads at most one row; {@code types} are the Postgres types of its $1, $2, …. */
  public KeyedRead(String sql, String... types) {
    this.single = sql;
    this.types = List.of(types);
    String arrays = IntStream.range(0, types.length).mapToObj(i -> "$" + (i + 1) + "::" + types[i] + "[]")
        .collect(Collectors.joining(", "));
    String columns = IntStream.range(0, types.length).mapToObj(i -> "p" + (i + 1)).collect(Collectors.joining(", "));
    Matcher m = PARAMETER.matcher(sql);
    String lateral = m.replaceAll(r -> "keyed.p" + r.group(1));
    this.batched = "SELECT keyed." + ORDINAL + ", x.* FROM unnest(" + arrays + ") WITH ORDINALITY AS keyed ("
        + columns + ", " + ORDINAL + ") CROSS JOIN LATERAL (" + lateral + ") x";
  }

  /**
   * {@code members} as one read, with the members' parameters in turn: one row, in which each
   * member's columns follow its column named in {@code found}, null when that member found no row.
   */
  static KeyedRead fused(List<KeyedRead> members, List<String> found) {
    StringBuilder sql = new StringBuilder("SELECT * FROM (VALUES (1)) AS keyed_group (one)");
    List<String> types = new ArrayList<>();
    for (int m = 0; m < members.size(); m++) {
      KeyedRead member = members.get(m);
      int offset = types.size();
      String renumbered = PARAMETER.matcher(member.single)
          .replaceAll(r -> "\\$" + (Integer.parseInt(r.group(1)) + offset));
      sql.append(" LEFT JOIN LATERAL (SELECT true AS ").append(found.get(m)).append(", member.* FROM (")
          .append(renumbered).append(") member) keyed_member_").append(m + 1).append(" ON true");
      types.addAll(member.types);
    }
    return new KeyedRead(sql.toString(), types.toArray(new String[0]));
  }

  /** This read alone. */
  public Future<Optional<Row>> run(SqlClient client, Tuple parameters) {
    return client.preparedQuery(single).execute(parameters)
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()));
  }

  /** This read for each of {@code parameters}, in one statement: the answers in the same order. */
  public Future<List<Optional<Row>>> runAll(SqlClient client, List<Tuple> parameters) {
    return client.preparedQuery(batched).execute(arrays(parameters)).map(rows -> {
      List<Optional<Row>> answers = new ArrayList<>(parameters.size());
      for (int i = 0; i < parameters.size(); i++) {
        answers.add(Optional.empty());
      }
      for (Row row : rows) {
        answers.set(row.getLong(ORDINAL).intValue() - 1, Optional.of(row));
      }
      return answers;
    });
  }

  /** The parameters as one array per parameter, of the Java type the client binds to its Postgres type. */
  private Tuple arrays(List<Tuple> parameters) {
    Tuple arrays = Tuple.tuple();
    for (int p = 0; p < types.size(); p++) {
      Class<?> element = switch (types.get(p)) {
        case "uuid" -> UUID.class;
        case "text" -> String.class;
        case "int" -> Integer.class;
        case "bigint" -> Long.class;
        default -> throw new IllegalArgumentException("no array binding for type " + types.get(p));
      };
      Object[] values = (Object[]) Array.newInstance(element, parameters.size());
      for (int i = 0; i < parameters.size(); i++) {
        values[i] = parameters.get(i).getValue(p);
      }
      arrays.addValue(values);
    }
    return arrays;
  }
}
