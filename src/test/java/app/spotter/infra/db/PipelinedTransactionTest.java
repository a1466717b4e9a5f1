package app.spotter.infra.db;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Transactions whose BEGIN and COMMIT ride with their statements, against the real Postgres. */
class PipelinedTransactionTest extends ApiTest {
  /** A prepared statement; each test gives it its own text, so that its plan counts start at zero. */
  private static final String COUNT = "SELECT count(*) FROM generate_series(1, 1000) g WHERE g < $1 /* %s */";

  @Test
  @DisplayName("in the transaction, a prepared statement runs on its generic plan from the first execution")
  void genericPlans() throws Exception {
    String statement = COUNT.formatted("in a transaction");
    Row plans = await(PipelinedTransaction.run(stack.pool(), tx -> sixRuns(tx, statement)));

    assertThat(plans.getLong("custom_plans")).isZero();
    assertThat(plans.getLong("generic_plans")).isEqualTo(6);
    assertThat(plans.getString("mode")).isEqualTo("force_generic_plan");
  }

  @Test
  @DisplayName("outside it, the server's choice stands: custom plans first, and the setting did not stay behind")
  void autoOutside() throws Exception {
    await(PipelinedTransaction.run(stack.pool(), tx -> Future.succeededFuture(Future.succeededFuture(null))));
    String statement = COUNT.formatted("on the pool");
    Row plans = await(stack.pool().withConnection(conn -> sixRuns(conn, statement).compose(read -> read)));

    // Under auto, Postgres makes custom plans for the first five executions at least.
    assertThat(plans.getLong("custom_plans")).isGreaterThanOrEqualTo(5);
    assertThat(plans.getString("mode")).isEqualTo("auto");
  }

  /**
   * The statement run six times, then its plan counts and the plan mode read on the same connection:
   * resolves once that read is sent (as a transaction's work does), to the read's answer.
   */
  private static Future<Future<Row>> sixRuns(SqlClient conn, String statement) {
    Future<?> runs = Future.succeededFuture();
    for (int i = 0; i < 6; i++) {
      int limit = 10 + i;
      runs = runs.compose(v -> conn.preparedQuery(statement).execute(Tuple.of(limit)));
    }
    return runs.map(v -> conn.query("SELECT generic_plans, custom_plans, current_setting('plan_cache_mode') AS mode"
            + " FROM pg_prepared_statements WHERE statement = '" + statement + "'").execute()
        .map(rows -> rows.iterator().next()));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
