package app.spotter.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Values the schema validator lets through but Java or Postgres would choke on: 400, never 500. */
class InputEdgeCasesTest extends ApiTest {

  @Test
  @DisplayName("a urn:uuid: id in a body gets 400 naming the field")
  void urnUuid() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Ana");
    Reply reply = trainer.api().post("/session-records",
        new JsonObject().put("traineeId", "urn:uuid:" + traineeId).put("sessionDate", "2026-11-20"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorFields()).containsExactly("traineeId");
  }

  @Test
  @DisplayName("a date-time without an offset gets 400 naming the field, in bodies and in queries")
  void dateTimeWithoutOffset() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Ana");
    Reply measurement = trainer.api().post("/trainees/" + traineeId + "/measurements",
        new JsonObject().put("measuredAt", "2026-11-20T08:00:00").put("weight", 70));
    assertThat(measurement.status()).isEqualTo(400);
    assertThat(measurement.errorFields()).containsExactly("measuredAt");

    Reply record = trainer.api().post("/session-records", new JsonObject().put("traineeId", traineeId)
        .put("sessionDate", "2026-11-20").put("startTime", "2026-11-20T08:00:00"));
    assertThat(record.status()).isEqualTo(400);
    assertThat(record.errorFields()).containsExactly("startTime");

    Reply list = trainer.api().get("/session-records?from=2026-11-20T08:00:00");
    assertThat(list.status()).isEqualTo(400);
    assertThat(list.errorFields()).containsExactly("from");
  }

  @Test
  @DisplayName("a NUL character in a string gets 400, not 500, and nothing is stored")
  void nulCharacter() {
    Trainer trainer = registerTrainer();
    Reply reply = trainer.api().post("/trainees", new JsonObject().put("name", "a\u0000b"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(stack.count("SELECT count(*) FROM trainee")).isZero();
  }

  @Test
  @DisplayName("a well-formed cursor with forged values gets 400")
  void forgedCursor() {
    Trainer trainer = registerTrainer();
    String cursor = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(new JsonArray().add("a").add("zz").encode().getBytes(StandardCharsets.UTF_8));
    assertThat(trainer.api().get("/trainees?cursor=" + cursor).status()).isEqualTo(400);
  }
}
