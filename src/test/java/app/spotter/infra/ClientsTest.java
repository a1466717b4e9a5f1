package app.spotter.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The two Postgres pools: only the live engine's batches use generic plans, REST queries keep Postgres's
 * choice; both keep their statements prepared.
 */
class ClientsTest extends ApiTest {

  @Test
  @DisplayName("the batches' connections always use generic plans; the main pool's plan as Postgres chooses")
  void planCacheModes() {
    Pool batches = Clients.batches(stack.vertx, stack.servers.databaseUrl());
    Pool main = Clients.postgres(stack.vertx, stack.servers.databaseUrl(), 1);
    try {
      assertThat(setting(batches)).isEqualTo("force_generic_plan");
      assertThat(setting(main)).isEqualTo("auto");
    } finally {
      batches.close().await();
      main.close().await();
    }
  }

  @Test
  @DisplayName("a long statement is prepared once per connection, not parsed and planned at every execution")
  void longStatementsStayPrepared() {
    Pool pool = Clients.postgres(stack.vertx, stack.servers.databaseUrl(), 1);
    // Longer than the client's default limit of 2,048 characters, as the live engine's event statement is.
    String sql = "SELECT $1::int + 1 AS n /* " + "x".repeat(Clients.PREPARED_SQL_LIMIT / 2) + " */";
    try {
      for (int i = 0; i < 3; i++) {
        int n = pool.preparedQuery(sql).execute(Tuple.of(i)).await().iterator().next().getInteger("n");
        assertThat(n).isEqualTo(i + 1);
      }
      long prepared = pool.preparedQuery("SELECT count(*) FROM pg_prepared_statements WHERE statement = $1")
          .execute(Tuple.of(sql)).await().iterator().next().getLong(0);
      assertThat(prepared).isEqualTo(1);
    } finally {
      pool.close().await();
    }
  }

  private static String setting(Pool pool) {
    return pool.query("SHOW plan_cache_mode").execute().await().iterator().next().getString(0);
  }
}
