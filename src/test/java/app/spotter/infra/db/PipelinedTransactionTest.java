package app.spotter.infra.db;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Transactions whose BEGIN and COMMIT ride with their statements, against the real Postgres. */
class PipelinedTransactionTest extends ApiTest {
  /** A prepared statement; each test gives it its own text, so that its plan counts start at zero. */
  private static final String COUNT = "SELECT count(*) FROM generate_series(1, 1000) g WHERE g < $1 /* %s */";

  @Test
  @DisplayName("on generic plans, a prepared statement is planned once for the transaction, not at each execution")
  void genericPlans() throws Exception {
    Row plans = plansAfterSixRuns(PipelinedTransaction::runOnGenericPlans, COUNT.formatted("generic"));

    assertThat(plans.getLong("custom_plans")).isZero();
    assertThat(plans.getLong("generic_plans")).isEqualTo(6);
    assertThat(plans.getString("mode")).isEqualTo("force_generic_plan");
  }

  @Test
  @DisplayName("a plain one keeps the server's choice, and the setting ends with its transaction")
  void plainKeepsAuto() throws Exception {
    Row plans = plansAfterSixRuns(PipelinedTransaction::run, COUNT.formatted("plain"));

    // Under auto, Postgres makes custom plans for the first five executions at least.
    assertThat(plans.getLong("custom_plans")).isGreaterThanOrEqualTo(5);
    assertThat(plans.getString("mode")).isEqualTo("auto");
    String after = stack.pool().withConnection(conn -> conn.query("SHOW plan_cache_mode").execute())
        .map(rows -> rows.iterator().next().getString(0)).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    assertThat(after).isEqualTo("auto");
  }

  private interface Runner {
    Future<Row> run(io.vertx.sqlclient.Pool pool, Function<SqlConnection, Future<Future<Row>>> work);
  }

  /** The statement run six times in one transaction, then its plan counts and the plan mode, read in it. */
  private Row plansAfterSixRuns(Runner runner, String statement) throws Exception {
    return runner.run(stack.pool(), tx -> {
      Future<?> runs = Future.succeededFuture();
      for (int i = 0; i < 6; i++) {
        int limit = 10 + i;
        runs = runs.compose(v -> tx.preparedQuery(statement).execute(Tuple.of(limit)));
      }
      return runs.map(v -> tx.query("SELECT generic_plans, custom_plans, current_setting('plan_cache_mode') AS mode"
              + " FROM pg_prepared_statements WHERE statement = '" + statement + "'").execute()
          .map(rows -> rows.iterator().next()));
    }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
