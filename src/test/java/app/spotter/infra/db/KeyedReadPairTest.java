package app.spotter.infra.db;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two reads of the same keys made as a pair, against the real Postgres: one statement, each its own answer. */
class KeyedReadPairTest extends ApiTest {
  /** A row for any $1, as a set target is. */
  private static final KeyedRead DOUBLE = new KeyedRead("SELECT $1 * 2 AS doubled", "int");
  /** A row only for a positive $1, as an exercise's records are only for an exercise that exists. */
  private static final KeyedRead POSITIVE = new KeyedRead("SELECT $1 + 1 AS next WHERE $1 > 0", "int");
  private final List<KeyedRead> statements = new CopyOnWriteArrayList<>();

  @Test
  @DisplayName("two reads of the same keys go out as one statement, each answered with its own columns")
  void oneStatement() throws Exception {
    List<Optional<Row>> rows = readPair(3, 3);

    assertThat(statements).hasSize(1);
    assertThat(rows.get(0)).hasValueSatisfying(r -> assertThat(r.getInteger("doubled")).isEqualTo(6));
    assertThat(rows.get(1)).hasValueSatisfying(r -> assertThat(r.getInteger("next")).isEqualTo(4));
    assertThat(readPair(5, 5)).as("the same pair again").hasSize(2);
    assertThat(statements).as("the pair's statement is made once, so it stays prepared").hasSize(2)
        .containsOnly(statements.get(0));
  }

  @Test
  @DisplayName("a second read that finds no row answers empty, the first its row")
  void secondMissing() throws Exception {
    List<Optional<Row>> rows = readPair(-2, -2);

    assertThat(statements).hasSize(1);
    assertThat(rows.get(0)).hasValueSatisfying(r -> assertThat(r.getInteger("doubled")).isEqualTo(-4));
    assertThat(rows.get(1)).isEmpty();
  }

  @Test
  @DisplayName("reads of different keys go out apart, each with its answer")
  void differentKeys() throws Exception {
    List<Optional<Row>> rows = readPair(3, 7);

    assertThat(statements).containsExactly(DOUBLE, POSITIVE);
    assertThat(rows.get(0)).hasValueSatisfying(r -> assertThat(r.getInteger("doubled")).isEqualTo(6));
    assertThat(rows.get(1)).hasValueSatisfying(r -> assertThat(r.getInteger("next")).isEqualTo(8));
  }

  /** DOUBLE of {@code first} and POSITIVE of {@code second} as a pair, noting each statement sent. */
  private List<Optional<Row>> readPair(int first, int second) throws Exception {
    KeyedRead.Reader db = KeyedRead.Reader.of(stack.pool());
    KeyedRead.Pair pair = KeyedRead.pair((read, parameters) -> {
      statements.add(read);
      return db.read(read, parameters);
    });
    Future<Optional<Row>> doubled = pair.first().read(DOUBLE, Tuple.of(first));
    Future<Optional<Row>> next = pair.second().read(POSITIVE, Tuple.of(second));
    pair.send();
    return Future.all(doubled, next).map(v -> List.of(doubled.result(), next.result())).await(10, TimeUnit.SECONDS);
  }
}
