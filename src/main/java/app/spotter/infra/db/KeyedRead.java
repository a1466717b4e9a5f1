package app.spotter.infra.db;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
  /** The column of a {@link Pair}'s statement that says its second read found a row. */
  private static final String SECOND_FOUND = "keyed_read_second_found";
  /** Each pair of reads as one, made once: its statement is prepared and batched like any other. */
  private static final Map<List<KeyedRead>, KeyedRead> PAIRS = new ConcurrentHashMap<>();
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
   * Two reads that take the same parameters, made as one statement: one execution and one answer
   * for both. Give {@link #first()} and {@link #second()} to the code that makes them, then
   * {@link #send()}.
   */
  public static Pair pair(Reader reader) {
    return new Pair(reader);
  }

  /** See {@link #pair}. */
  public static final class Pair {
    private final Reader reader;
    private final Made first = new Made();
    private final Made second = new Made();

    private Pair(Reader reader) {
      this.reader = reader;
    }

    public Reader first() {
      return first;
    }

    public Reader second() {
      return second;
    }

    /**
     * Sends the reads made: as one statement when both were, of the same parameters: the first's
     * row with the second's columns beside it (their names must differ), the second's answer empty
     * when it found no row, and both when the first found none.
     */
    public void send() {
      if (first.read == null || second.read == null || !sameValues(first.parameters, second.parameters)) {
        first.sendAlone(reader);
        second.sendAlone(reader);
        return;
      }
      KeyedRead both = PAIRS.computeIfAbsent(List.of(first.read, second.read), k -> first.read.beside(second.read));
      reader.read(both, first.parameters).onComplete(answer -> {
        first.answer.handle(answer);
        second.answer.handle(answer.map(row -> row.filter(r -> r.getValue(SECOND_FOUND) != null)));
      });
    }
  }

  private static boolean sameValues(Tuple a, Tuple b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Objects.equals(a.getValue(i), b.getValue(i))) {
        return false;
      }
    }
    return true;
  }

  /** A read handed to a {@link Pair}, waiting to be sent. */
  private static final class Made implements Reader {
    private final Promise<Optional<Row>> answer = Promise.promise();
    private KeyedRead read;
    private Tuple parameters;

    @Override
    public Future<Optional<Row>> read(KeyedRead read, Tuple parameters) {
      if (this.read != null) {
        throw new IllegalStateException("a pair's read is made once");
      }
      this.read = read;
      this.parameters = parameters;
      return answer.future();
    }

    void sendAlone(Reader reader) {
      if (read != null) {
        reader.read(read, parameters).onComplete(answer);
      }
    }
  }

  /** This read with {@code second}'s columns beside its row (null when {@code second} finds none). */
  private KeyedRead beside(KeyedRead second) {
    if (!types.equals(second.types)) {
      throw new IllegalArgumentException("a pair of reads takes the same parameters");
    }
    return new KeyedRead("SELECT * FROM (" + single + ") keyed_first LEFT JOIN LATERAL (SELECT true AS "
        + SECOND_FOUND + ", s.* FROM (" + second.single + ") s) keyed_second ON true", types.toArray(new String[0]));
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
