package app.spotter.live;

import app.spotter.support.ExtraSpotter;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Scenes with a second instance sharing Postgres and Redis, started once per test class. */
abstract class LiveTwoInstancesTest extends LiveSceneTest {
  protected static ExtraSpotter second;

  @BeforeAll
  static void startSecond() {
    second = ExtraSpotter.start(Map.of());
  }

  @AfterAll
  static void stopSecond() {
    second.close();
  }
}
