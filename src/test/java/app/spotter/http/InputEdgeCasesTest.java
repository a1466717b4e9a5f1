package app.spotter.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
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
  @DisplayName("a well-formed cursor with forged values gets 400 naming the cursor, on every list")
  void forgedCursor() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Ana");
    String templateId = trainer.api().post("/session-templates", new JsonObject().put("name", "Legs"))
        .json().getString("id");
    String programId = trainer.api().post("/programs", new JsonObject().put("name", "Base")).json().getString("id");
    String recordId = trainer.api().post("/session-records",
        new JsonObject().put("traineeId", traineeId).put("sessionDate", "2026-11-20")).json().getString("id");
    List<String> lists = List.of("/trainees", "/trainees/" + traineeId + "/access-links", "/displays",
        "/session-templates", "/session-templates/" + templateId + "/exercises", "/programs",
        "/programs/" + programId + "/sessions", "/session-records", "/session-records/" + recordId + "/exercises");
    List<JsonArray> forged = List.of(new JsonArray().add("a").add("zz").add("b").add("yy"), new JsonArray().add(1),
        new JsonArray().addNull().addNull().addNull().addNull());

    for (String list : lists) {
      for (JsonArray key : forged) {
        Reply reply = trainer.api().get(list + "?cursor=" + cursor(key));
        assertThat(reply.status()).as(list + " " + key).isEqualTo(400);
        assertThat(reply.errorFields()).as(list + " " + key).containsExactly("cursor");
      }
    }
  }

  private static String cursor(JsonArray key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.encode().getBytes(StandardCharsets.UTF_8));
  }
}
