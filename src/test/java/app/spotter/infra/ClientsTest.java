package app.spotter.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The two Postgres pools: only the live engine's batches use generic plans, REST queries keep Postgres's choice. */
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

  private static String setting(Pool pool) {
    return pool.query("SHOW plan_cache_mode").execute().await().iterator().next().getString(0);
  }
}
