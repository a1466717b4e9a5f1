package app.spotter.program;

import app.spotter.config.DatabaseUrl;
import app.spotter.infra.Clients;
import app.spotter.support.TestStack;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.UUID;

/** Rows written under the API. */
final class TestRows {
  private static Pool pool;

  private TestRows() {}

  static synchronized Pool pool(TestStack stack) {
    if (pool == null) {
      String url = stack.env.get("SPOTTER_DATABASE_URL");
      pool = Clients.postgres(stack.vertx, DatabaseUrl.parse("SPOTTER_DATABASE_URL", url), 1);
    }
    return pool;
  }

  static String sessionRecord(TestStack stack, String trainerId, String traineeId, String trainingSessionId) {
    return pool(stack).preparedQuery("INSERT INTO training_session_record (trainer_id, trainee_id, training_session_id,"
            + " session_date, status, completed) VALUES ($1, $2, $3, $4, 'completed', true) RETURNING id")
        .execute(Tuple.of(UUID.fromString(trainerId), UUID.fromString(traineeId), UUID.fromString(trainingSessionId),
            LocalDate.of(2026, 11, 2)))
        .await().iterator().next().getUUID(0).toString();
  }
}
