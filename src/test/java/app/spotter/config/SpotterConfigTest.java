package app.spotter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SpotterConfigTest {

  @Test
  @DisplayName("no configuration means port 8080, ./data, embedded Postgres and Redis, the contract's default limits")
  void defaults() {
    SpotterConfig config = SpotterConfig.from(Map.of());

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.embeddedDatabase()).isTrue();
    assertThat(config.embeddedRedis()).isTrue();
    assertThat(config.dataDir().toString()).endsWith("data");
    assertThat(config.publicUrl()).isEqualTo("http://localhost:8080");
    assertThat(config.accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.rateLimits().loginFailuresPerEmail()).isEqualTo(10);
    assertThat(config.rateLimits().loginWindow()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.rateLimits().failuresPerIp()).isEqualTo(100);
    assertThat(config.rateLimits().liveCommandsPerSecond()).isEqualTo(20);
    assertThat(config.rateLimits().liveCommandBurst()).isEqualTo(40);
  }

  @Test
  @DisplayName("a database URL is split into its parts and never prints its password")
  void databaseUrl() {
    SpotterConfig config = SpotterConfig.from(Map.of(
        "SPOTTER_DATABASE_URL", "postgresql://spotter:s%40cret@db.internal:6543/spotter",
        "SPOTTER_REDIS_URL", "redis://cache:6379"));

    DatabaseUrl db = config.databaseUrl().orElseThrow();
    assertThat(db.host()).isEqualTo("db.internal");
    assertThat(db.port()).isEqualTo(6543);
    assertThat(db.database()).isEqualTo("spotter");
    assertThat(db.user()).isEqualTo("spotter");
    assertThat(db.password()).isEqualTo("s@cret");
    assertThat(db.toString()).doesNotContain("s@cret").doesNotContain("s%40cret");
    assertThat(config.embeddedRedis()).isFalse();
  }

  @Test
  @DisplayName("each wrong value stops start-up with one line naming the variable")
  void wrongValues() {
    Map<String, String> bad = Map.of(
        "SPOTTER_PORT", "eighty",
        "SPOTTER_DATABASE_URL", "mysql://x/y",
        "SPOTTER_REDIS_URL", "localhost:6379",
        "SPOTTER_JWT_SECRET", "short",
        "SPOTTER_ACCESS_TOKEN_TTL", "-5",
        "SPOTTER_PUBLIC_URL", "ftp://example.test");
    bad.forEach((name, value) -> assertThatThrownBy(() -> SpotterConfig.from(Map.of(name, value)))
        .as(name)
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(name)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")));
  }

  @Test
  @DisplayName("durations take seconds or ISO-8601")
  void durations() {
    assertThat(SpotterConfig.from(Map.of("SPOTTER_ACCESS_TOKEN_TTL", "600")).accessTokenTtl()).isEqualTo(Duration.ofMinutes(10));
    assertThat(SpotterConfig.from(Map.of("SPOTTER_ACCESS_TOKEN_TTL", "PT5M")).accessTokenTtl()).isEqualTo(Duration.ofMinutes(5));
  }
}
