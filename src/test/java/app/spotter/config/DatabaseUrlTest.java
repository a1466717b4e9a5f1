package app.spotter.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  @DisplayName("the connection string reads back as the same URL, password included; toString never shows it")
  void connectionStringRoundTrip() {
    DatabaseUrl url = new DatabaseUrl("localhost", 5433, "spotter", "sp tter", "p@ss:w/rd+%");

    assertThat(DatabaseUrl.parse("SPOTTER_DATABASE_URL", url.connectionString())).isEqualTo(url);
    assertThat(url.toString()).doesNotContain("p@ss");
  }
}
