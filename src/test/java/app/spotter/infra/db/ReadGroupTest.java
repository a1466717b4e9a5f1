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

/** A caller's reads made as one statement, against the real Postgres: each hears its own row. */
class ReadGroupTest extends ApiTest {
  /** Columns named as another read's are, as a session's and its exercise's ids and versions are. */
  private static final KeyedRead SESSION = new KeyedRead("SELECT $1::int AS id, $1 * 10 AS version, $2::text AS label",
      "int", "text");
  private static final KeyedRead EXERCISE = new KeyedRead(
      "SELECT $1::int AS id, $1 * 100 AS version, to_jsonb($2::text) AS sets WHERE $1 > 0", "int", "text");
  private final List<KeyedRead> statements = new CopyOnWriteArrayList<>();

  @Test
  @DisplayName("reads made together go out as one statement, each with its own columns, names shared or not")
  void oneStatement() throws Exception {
    List<Optional<Row>> rows = readGroup(3, 4);

    assertThat(statements).hasSize(1);
    Row session = rows.get(0).orElseThrow();
    assertThat(session.size()).isEqualTo(3);
    assertThat(session.getInteger("id")).isEqualTo(3);
    assertThat(session.getInteger("version")).isEqualTo(30);
    assertThat(session.getString("label")).isEqualTo("s3");
    Row exercise = rows.get(1).orElseThrow();
    assertThat(exercise.getInteger("id")).isEqualTo(4);
    assertThat(exercise.getInteger("version")).isEqualTo(400);
    assertThat(exercise.getJson("sets")).isEqualTo("e4");
    assertThat(exercise.getColumnIndex("label")).as("another read's column").isEqualTo(-1);

    readGroup(5, 6);
    assertThat(statements).as("the group's statement is made once, so it stays prepared").hasSize(2)
        .containsOnly(statements.get(0));
  }

  @Test
  @DisplayName("a read that finds no row answers empty, the others their rows")
  void oneMissing() throws Exception {
    List<Optional<Row>> rows = readGroup(2, -1);

    assertThat(statements).hasSize(1);
    assertThat(rows.get(0)).hasValueSatisfying(r -> assertThat(r.getInteger("version")).isEqualTo(20));
    assertThat(rows.get(1)).isEmpty();
  }

  @Test
  @DisplayName("a lone read goes out as itself, and a read made after the group went out runs alone")
  void loneAndLate() throws Exception {
    ReadGroup group = new ReadGroup(recording());
    Future<Optional<Row>> only = group.read(SESSION, Tuple.of(7, "s7"));
    group.send();
    Future<Optional<Row>> late = group.read(EXERCISE, Tuple.of(8, "e8"));

    Future.all(only, late).await(10, TimeUnit.SECONDS);
    assertThat(statements).containsExactly(SESSION, EXERCISE);
    assertThat(only.result().orElseThrow().getInteger("version")).isEqualTo(70);
    assertThat(late.result().orElseThrow().getInteger("version")).isEqualTo(800);
  }

  /** SESSION of {@code session} and EXERCISE of {@code exercise} as a group. */
  private List<Optional<Row>> readGroup(int session, int exercise) throws Exception {
    ReadGroup group = new ReadGroup(recording());
    Future<Optional<Row>> first = group.read(SESSION, Tuple.of(session, "s" + session));
    Future<Optional<Row>> second = group.read(EXERCISE, Tuple.of(exercise, "e" + exercise));
    group.send();
    return Future.all(first, second).map(v -> List.of(first.result(), second.result())).await(10, TimeUnit.SECONDS);
  }

  /** A reader of the real database that notes each statement sent. */
  private KeyedRead.Reader recording() {
    KeyedRead.Reader db = KeyedRead.Reader.of(stack.pool());
    return (read, parameters) -> {
      statements.add(read);
      return db.read(read, parameters);
    };
  }
}
