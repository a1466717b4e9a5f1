package app.spotter.record;

import static app.spotter.record.RecordFixtures.exercise;
import static app.spotter.record.RecordFixtures.record;
import static app.spotter.record.RecordFixtures.set;
import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.Api;
import app.spotter.support.ApiTest;
import app.spotter.support.LiveFixtures;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TraineeExportApiTest extends ApiTest {
  private static final String NOTE = "Felt strong, \"easy\"";

  private Trainer trainer;
  private String traineeId;

  /** Two sessions: squat (2 sets, one with a note needing quotes) and a plank without sets; bench (1 set). */
  private void history() {
    trainer = registerTrainer();
    traineeId = trainer.api().post("/trainees", new JsonObject().put("name", "Maria Lopez")
        .put("medicalNotes", "asthma")).json().getString("id");
    post(record(traineeId, "2026-11-01", exercise("Squat", set("a", 5, 100).put("notes", NOTE), set("b", 5, 105)),
        exercise("Plank")).put("trainerNotes", "knee ok"));
    post(record(traineeId, "2026-11-05", exercise("Bench", set("c", 8, 60).put("rpe", 7.5))));
  }

  private void post(JsonObject body) {
    assertThat(trainer.api().post("/session-records", body).status()).isEqualTo(201);
  }

  @Test
  @DisplayName("the JSON export holds the trainee and every record, newest first, with exercises and sets")
  void json() {
    history();
    Reply reply = trainer.api().get("/trainees/" + traineeId + "/export?format=json");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    assertThat(reply.header("Content-Disposition")).startsWith("attachment; filename=").contains(traineeId + ".json");
    JsonObject export = reply.json();
    assertThat(export.getJsonObject("trainee").getString("medicalNotes")).isEqualTo("asthma");
    JsonArray records = export.getJsonArray("records");
    assertThat(records.stream().map(r -> ((JsonObject) r).getString("sessionDate")))
        .containsExactly("2026-11-05", "2026-11-01");
    JsonObject older = records.getJsonObject(1);
    assertThat(older.getString("trainerNotes")).isEqualTo("knee ok");
    assertThat(older.getJsonArray("exercises").stream().map(e -> ((JsonObject) e).getString("exerciseName")))
        .containsExactly("Squat", "Plank");
    JsonObject firstSet = older.getJsonArray("exercises").getJsonObject(0).getJsonArray("sets").getJsonObject(0);
    assertThat(firstSet.getString("notes")).isEqualTo(NOTE);
    assertThat(firstSet.getJsonObject("loggedBy").getString("role")).isEqualTo("trainer");
  }

  @Test
  @DisplayName("the CSV export has a header and one row per set, quoted where needed; a set-less exercise gets one row")
  void csv() {
    history();
    Reply reply = trainer.api().get("/trainees/" + traineeId + "/export?format=csv");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("text/csv");
    assertThat(reply.header("Content-Disposition")).contains(".csv");
    assertThat(reply.body()).contains(",\"Felt strong, \"\"easy\"\"\"\r\n");
    List<List<String>> rows = parseCsv(reply.body());
    assertThat(rows.get(0)).containsExactly("sessionRecordId", "sessionDate", "status", "exerciseRecordId",
        "exerciseName", "orderIndex", "setNumber", "kind", "reps", "weight", "unit", "rpe", "rir", "durationSeconds",
        "distanceMeters", "completedAt", "notes");
    List<List<String>> data = rows.subList(1, rows.size());
    assertThat(data).hasSize(4);
    assertThat(data.stream().filter(r -> !r.get(6).isEmpty())).hasSize(3);
    assertThat(data.get(0)).contains("2026-11-05", "Bench", "1", "working", "8", "7.5", "kg");
    assertThat(data.get(1).get(16)).isEqualTo(NOTE);
    assertThat(data.get(3).get(4)).isEqualTo("Plank");
    assertThat(data.get(3).subList(6, 17)).allMatch(String::isEmpty);
  }

  @Test
  @DisplayName("a CSV text cell that would start a formula (=, +, -, @, tab, CR) is prefixed with ', numbers are not")
  void formulaCells() {
    trainer = registerTrainer();
    traineeId = createTrainee(trainer.api(), "Maria Lopez");
    List<String> notes = List.of("+1+2", "-3", "@SUM(A1)", "\tindented", "\rreturn", "fine");
    JsonObject squat = exercise("=HYPERLINK(\"http://evil.test\")");
    for (int i = 0; i < notes.size(); i++) {
      squat.getJsonArray("sets").add(set("s" + i, i, 0).put("rpe", 7.5).put("notes", notes.get(i)));
    }
    post(record(traineeId, "2026-11-01", squat));

    List<List<String>> rows = parseCsv(trainer.api().get("/trainees/" + traineeId + "/export?format=csv").body());
    List<List<String>> data = rows.subList(1, rows.size());
    assertThat(data).allMatch(row -> row.get(4).equals("'=HYPERLINK(\"http://evil.test\")"));
    assertThat(data.stream().map(row -> row.get(16)))
        .containsExactly("'+1+2", "'-3", "'@SUM(A1)", "'\tindented", "'\rreturn", "fine");
    assertThat(data.get(0).get(8)).isEqualTo("0");
    assertThat(data.get(0).get(11)).isEqualTo("7.5");
  }

  @Test
  @DisplayName("a trainee exports their own history without medical or trainer notes, and nobody else's")
  void selfExport() {
    history();
    String tom = createTrainee(trainer.api(), "Tom");
    Api asMaria = anonymous.as(LiveFixtures.traineeToken(trainer, traineeId));

    Reply own = asMaria.get("/trainees/" + traineeId + "/export");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().getJsonObject("trainee").containsKey("medicalNotes")).isFalse();
    assertThat(own.json().getJsonArray("records")).hasSize(2);
    assertThat(own.body()).doesNotContain("trainerNotes").doesNotContain("knee ok");
    assertThat(asMaria.get("/trainees/" + traineeId + "/export?format=csv").body()).doesNotContain("knee ok");
    assertThat(asMaria.get("/trainees/" + tom + "/export").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("another trainer's trainee cannot be exported: 404")
  void tenancy() {
    history();
    Trainer other = registerTrainer();
    assertThat(other.api().get("/trainees/" + traineeId + "/export").status()).isEqualTo(404);
    assertThat(other.api().get("/trainees/" + traineeId + "/export?format=csv").status()).isEqualTo(404);
    assertThat(trainer.api().get("/trainees/" + traineeId + "/export?format=xml").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("a history longer than one cursor fetch and one chunk comes out whole and in order")
  void longHistory() {
    trainer = registerTrainer();
    traineeId = createTrainee(trainer.api(), "Marathon Mike");
    LocalDate day = LocalDate.parse("2026-01-01");
    for (int i = 0; i < 120; i++) {
      post(record(traineeId, day.plusDays(i).toString(),
          exercise("Squat " + i, set("a", 5, 100), set("b", 5, 100), set("c", 5, 100).put("notes", "x".repeat(100)))));
    }

    JsonArray records = trainer.api().get("/trainees/" + traineeId + "/export").json().getJsonArray("records");
    assertThat(records).hasSize(120);
    assertThat(records.getJsonObject(0).getString("sessionDate")).isEqualTo(day.plusDays(119).toString());
    assertThat(records.getJsonObject(119).getJsonArray("exercises").getJsonObject(0).getString("exerciseName"))
        .isEqualTo("Squat 0");
    List<List<String>> rows = parseCsv(trainer.api().get("/trainees/" + traineeId + "/export?format=csv").body());
    assertThat(rows).hasSize(1 + 360);
  }

  /** A small RFC 4180 reader, enough to check what the export wrote. */
  private static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        row.add(field.toString().replaceAll("\r$", ""));
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    return rows;
  }
}
