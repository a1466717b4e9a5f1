package app.spotter.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.Reply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OperationsApiTest extends ApiTest {

  @Test
  @DisplayName("live and ready health checks answer 200 with JSON naming Postgres and Redis")
  void health() {
    assertThat(anonymous.get("/health/live").status()).isEqualTo(200);
    Reply ready = anonymous.get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body()).contains("postgres").contains("redis").contains("UP");
  }

  @Test
  @DisplayName("metrics are Prometheus text with HTTP latency histograms, database pool usage and events waiting for Redis")
  void metrics() {
    Trainer trainer = registerTrainer();
    trainer.api().get("/trainees");
    Reply metrics = anonymous.get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("vertx_http_server_response_time_seconds_bucket")
        .contains("vertx_pool_in_use")
        .contains("jvm_memory_used_bytes")
        .containsPattern("(?m)^spotter_live_events_held \\d")
        .containsPattern("(?m)^spotter_live_events_unpublished_total \\d");
  }
}
