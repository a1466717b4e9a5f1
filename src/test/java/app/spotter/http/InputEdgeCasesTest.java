package app.spotter.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.Api;
import app.spotter.support.ApiTest;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Values the schema validator lets through but Java or Postgres would choke on (400 naming the
 * field, never 500 or a silent change), and values it refused that are fine (query strings that look
 * like JSON, offsets beyond ±18:00, any If-Match: 409).
 */
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
  @DisplayName("a NUL or a lone surrogate in a body string, at any depth, gets 400 naming the field and stores nothing")
  void unstorableText() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Ana");
    // Raw JSON text: a lone surrogate cannot be encoded as UTF-8, so a client sends it as an escape.
    Map<String, String> bodies = Map.of(
        "name", "{\"name\":\"a\\u0000b\"}",
        "injuries[0].note", "{\"name\":\"Bo\",\"injuries\":[{\"area\":\"knee\",\"note\":\"a\\ud800b\"}]}",
        "goals[1].text", "{\"name\":\"Bo\",\"goals\":[{\"text\":\"ok\"},{\"text\":\"\\udc00\"}]}");
    bodies.forEach((field, body) -> {
      Reply reply = trainer.api().post("/trainees", body);
      assertThat(reply.status()).as(field).isEqualTo(400);
      assertThat(reply.errorFields()).as(field).containsExactly(field);
      assertThat(reply.body()).as(field).doesNotContain("byte sequence", "Unicode escape");
    });
    Reply deep = trainer.api().post("/session-records", "{\"traineeId\":\"" + traineeId + "\",\"sessionDate\":\"2026-11-20\","
        + "\"exercises\":[{\"exerciseName\":\"Squat\",\"sets\":[{\"id\":\"s-1\",\"notes\":\"x\\ud800\"}]}]}");
    assertThat(deep.status()).isEqualTo(400);
    assertThat(deep.errorFields()).containsExactly("exercises[0].sets[0].notes");
    // A well-formed pair (an emoji) is text like any other.
    Reply emoji = trainer.api().post("/trainees", "{\"name\":\"Bo \\ud83d\\udcaa\"}");
    assertThat(emoji.status()).isEqualTo(201);
    assertThat(emoji.json().getString("name")).isEqualTo("Bo \ud83d\udcaa");

    assertThat(stack.count("SELECT count(*) FROM trainee")).isEqualTo(2);
    assertThat(stack.count("SELECT count(*) FROM training_session_record")).isZero();
  }

  @Test
  @DisplayName("a NUL in a query or path value gets 400 naming it")
  void unstorableParameters() {
    Trainer trainer = registerTrainer();
    Reply query = trainer.api().get("/trainees?q=a%00b");
    assertThat(query.status()).isEqualTo(400);
    assertThat(query.errorFields()).containsExactly("q");
    Reply path = trainer.api().get("/trainees/a%00b");
    assertThat(path.status()).isEqualTo(400);
    assertThat(path.errorFields()).containsExactly("id");
  }

  @Test
  @DisplayName("an empty email gets 400 naming the field on register, login, trainees and /me, not 500")
  void emptyEmail() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Ana");
    List<Reply> replies = List.of(
        anonymous.post("/auth/register", new JsonObject().put("email", "").put("password", PASSWORD).put("name", "X")),
        anonymous.post("/auth/login", new JsonObject().put("email", "").put("password", PASSWORD)),
        trainer.api().post("/trainees", new JsonObject().put("name", "Bo").put("email", "")),
        trainer.api().patch("/trainees/" + traineeId, new JsonObject().put("email", "")),
        trainer.api().patch("/me", new JsonObject().put("email", "")));
    assertThat(replies).allSatisfy(reply -> {
      assertThat(reply.status()).as(reply.body()).isEqualTo(400);
      assertThat(reply.errorFields()).as(reply.body()).containsExactly("email");
    });
  }

  @Test
  @DisplayName("query strings are strings: JSON-looking and percent-laden searches find what they say")
  void queryStringsAreStrings() {
    Trainer trainer = registerTrainer();
    createTrainee(trainer.api(), "Ana [1]");
    createTrainee(trainer.api(), "Bo 100%");
    createTrainee(trainer.api(), "Cy 100%25");
    assertThat(names(trainer.api().get("/trainees?q=%5B1%5D"))).containsExactly("Ana [1]");
    assertThat(names(trainer.api().get("/trainees?q=100%25"))).containsExactlyInAnyOrder("Bo 100%", "Cy 100%25");
    assertThat(names(trainer.api().get("/trainees?q=100%2525"))).containsExactly("Cy 100%25");
    assertThat(names(trainer.api().get("/trainees?q=%7B%22a%22%3A1%7D"))).isEmpty();
    assertThat(trainer.api().get("/session-templates?q=x%25").status()).isEqualTo(200);
    // Only a date-time parameter is read as one: a search for such text stays that text.
    createTrainee(trainer.api(), "2026-11-20T23:30:00+23:59");
    assertThat(names(trainer.api().get("/trainees?q=2026-11-20T23:30:00%2B23:59")))
        .containsExactly("2026-11-20T23:30:00+23:59");
    // Still a string with its limits: over 200 characters is a 400 naming q.
    Reply tooLong = trainer.api().get("/trainees?q=" + "a".repeat(201));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.errorFields()).containsExactly("q");
  }

  @Test
  @DisplayName("any If-Match that is not the current ETag gets 409 and changes nothing, a weak one of the current version too")
  void ifMatchOtherThanTheCurrentETag() {
    Trainer trainer = registerTrainer();
    String id = createTrainee(trainer.api(), "Ana");
    assertThat(trainer.api().get("/trainees/" + id).header("ETag")).isEqualTo("\"1\"");
    for (String tag : List.of("W/\"1\"", "\"01\"", "\"abc", "1", "\"1\", \"2\"", "\"\"", "\"" + "1".repeat(300) + "\"")) {
      Api conditional = trainer.api().header("If-Match", tag);
      Reply patch = conditional.patch("/trainees/" + id, new JsonObject().put("name", "Lost"));
      assertThat(patch.status()).as(tag).isEqualTo(409);
      assertThat(patch.contentType()).as(tag).isEqualTo("application/problem+json");
      assertThat(conditional.delete("/trainees/" + id).status()).as(tag).isEqualTo(409);
    }
    assertThat(trainer.api().get("/trainees/" + id).json().getString("name")).isEqualTo("Ana");
    assertThat(trainer.api().header("If-Match", "\"1\"").delete("/trainees/" + id).status()).isEqualTo(204);
  }

  @Test
  @DisplayName("date-times with offsets up to ±23:59 are accepted and stored as the same instant")
  void offsetsUpTo2359() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Ana");
    Reply measured = trainer.api().post("/trainees/" + traineeId + "/measurements",
        new JsonObject().put("measuredAt", "2026-11-20T23:30:00+23:59").put("weight", 70));
    assertThat(measured.status()).isEqualTo(201);
    assertThat(measured.json().getJsonArray("measurementHistory").getJsonObject(0).getString("measuredAt"))
        .isEqualTo("2026-11-19T23:31:00Z");

    Reply record = trainer.api().post("/session-records", new JsonObject().put("traineeId", traineeId)
        .put("sessionDate", "2026-11-20").put("startTime", "2026-11-20T00:30:00.5-23:59"));
    assertThat(record.status()).isEqualTo(201);
    assertThat(Instant.parse(record.json().getString("startTime"))).isEqualTo(Instant.parse("2026-11-21T00:29:00.5Z"));
    assertThat(trainer.api().get("/session-records?from=2026-11-22T00:28:00%2B23:59").items()).hasSize(1);
    assertThat(trainer.api().get("/session-records?from=2026-11-22T00:30:00%2B23:59").items()).isEmpty();

    Reply beyond = trainer.api().post("/trainees/" + traineeId + "/measurements",
        new JsonObject().put("measuredAt", "2026-11-20T08:00:00+24:00").put("weight", 70));
    assertThat(beyond.status()).isEqualTo(400);
    assertThat(beyond.errorFields()).containsExactly("measuredAt");
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

  private static List<String> names(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.items().stream().map(item -> ((JsonObject) item).getString("name")).toList();
  }

  private static String cursor(JsonArray key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.encode().getBytes(StandardCharsets.UTF_8));
  }
}
