package app.spotter.infra.db;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keyed reads batched against the real Postgres: reads made on one event loop while a batch is in
 * flight go out together, in one statement (they share its statement_timestamp()).
 */
class ReadBatchesTest extends ApiTest {
  /** Ten divided by $1, with the time of the statement that read it. */
  private static final KeyedRead TENTH = new KeyedRead(
      "SELECT 10 / $1 AS quotient, statement_timestamp()::text AS statement_at, $2 AS label", "int", "text");

  @Test
  @DisplayName("reads arriving while a batch is in flight go together in the next statement, each answered in order")
  void batchedWhileInFlight() throws Exception {
    List<JsonObject> answers = readTogether(List.of(1, 2, 5, 10));

    assertThat(answers).extracting(a -> a.getInteger("quotient")).containsExactly(10, 5, 2, 1);
    assertThat(answers).extracting(a -> a.getString("label")).containsExactly("r1", "r2", "r3", "r4");
    String alone = answers.get(0).getString("statementAt");
    assertThat(answers.subList(1, 4)).extracting(a -> a.getString("statementAt"))
        .as("the three that waited, in one statement after the first").containsOnly(answers.get(1).getString("statementAt"))
        .doesNotContain(alone);
  }

  @Test
  @DisplayName("a batch whose statement fails is read again one by one: only the bad read fails")
  void failedBatchReadAlone() throws Exception {
    List<JsonObject> answers = readTogether(List.of(1, 0, 5));

    assertThat(answers.get(0).getInteger("quotient")).isEqualTo(10);
    assertThat(answers.get(1).getString("error")).contains("division by zero");
    assertThat(answers.get(2).getInteger("quotient")).isEqualTo(2);
  }

  @Test
  @DisplayName("a read that finds no row answers empty, its batch-mates their rows")
  void missingRow() throws Exception {
    KeyedRead positive = new KeyedRead("SELECT $1 AS n WHERE $1 > 0", "int");
    ReadBatches batches = new ReadBatches(stack.pool());
    Promise<List<Optional<Row>>> all = Promise.promise();
    stack.vertx.getOrCreateContext().runOnContext(v -> {
      List<Future<Optional<Row>>> reads = IntStream.of(3, -1, 4)
          .mapToObj(n -> batches.together(reader -> reader.read(positive, Tuple.of(n)))).toList();
      Future.all(reads).onComplete(done -> all.complete(reads.stream().map(Future::result).toList()));
    });

    List<Optional<Row>> rows = all.future().await(10, TimeUnit.SECONDS);

    assertThat(rows.get(0)).hasValueSatisfying(r -> assertThat(r.getInteger("n")).isEqualTo(3));
    assertThat(rows.get(1)).isEmpty();
    assertThat(rows.get(2)).hasValueSatisfying(r -> assertThat(r.getInteger("n")).isEqualTo(4));
  }

  @Test
  @DisplayName("reads whose batched statement cannot even be built are read alone, and later batches still go")
  void unbuildableBatchReadAlone() throws Exception {
    // The batched form binds arrays of uuid, text, int and bigint only: a numeric key fails as it is built.
    KeyedRead doubled = new KeyedRead("SELECT $1::numeric * 2 AS doubled", "numeric");
    ReadBatches batches = new ReadBatches(stack.pool());

    List<Double> first = readAll(batches, doubled, 1.5, 2.5, 3.5);
    List<Double> then = readAll(batches, doubled, 4.5, 5.5);

    assertThat(first).containsExactly(3.0, 5.0, 7.0);
    assertThat(then).as("the queue moved on").containsExactly(9.0, 11.0);
  }

  /** {@code read} of each key, handed over one after another on one event loop. */
  private List<Double> readAll(ReadBatches batches, KeyedRead read, double... keys) throws Exception {
    Promise<List<Double>> all = Promise.promise();
    stack.vertx.getOrCreateContext().runOnContext(v -> {
      List<Future<Double>> reads = java.util.Arrays.stream(keys).mapToObj(key -> batches
          .together(reader -> reader.read(read, Tuple.of(key)))
          .map(row -> row.orElseThrow().getDouble("doubled"))).toList();
      Future.all(reads).onComplete(done -> all.complete(reads.stream().map(Future::result).toList()));
    });
    return all.future().await(10, TimeUnit.SECONDS);
  }

  /** Reads {@link #TENTH} of each divisor, one after another on one event loop, as commands arrive there. */
  private List<JsonObject> readTogether(List<Integer> divisors) throws Exception {
    ReadBatches batches = new ReadBatches(stack.pool());
    Promise<List<JsonObject>> all = Promise.promise();
    stack.vertx.getOrCreateContext().runOnContext(v -> {
      List<Future<JsonObject>> reads = IntStream.range(0, divisors.size()).mapToObj(i -> batches
          .together(reader -> reader.read(TENTH, Tuple.of(divisors.get(i), "r" + (i + 1))))
          .map(row -> new JsonObject().put("quotient", row.orElseThrow().getInteger("quotient"))
              .put("statementAt", row.orElseThrow().getString("statement_at"))
              .put("label", row.orElseThrow().getString("label")))
          .recover(e -> Future.succeededFuture(new JsonObject().put("error", e.getMessage()))))
          .toList();
      Future.all(reads).onComplete(done -> all.complete(reads.stream().map(Future::result).toList()));
    });
    return all.future().await(10, TimeUnit.SECONDS);
  }
}
