package app.spotter.program;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.Api;
import app.spotter.support.ApiTest;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProgramApiTest extends ApiTest {

  private static JsonObject program(String name, Integer weeks) {
    JsonObject program = new JsonObject().put("name", name).put("description", "Build a base")
        .put("difficulty", "beginner").put("goals", new JsonArray().add(new JsonObject().put("text", "Squat bodyweight")));
    return weeks == null ? program : program.put("durationWeeks", weeks);
  }

  private static JsonObject session(String name, int week, int number) {
    return new JsonObject().put("name", name).put("weekNumber", week).put("sessionNumber", number)
        .put("sessionType", "strength").put("focusArea", "lower body").put("estimatedDuration", 60)
        .put("warmup", new JsonArray().add(new JsonObject().put("name", "Bike").put("durationSeconds", 300)))
        .put("cooldown", new JsonArray().add(new JsonObject().put("name", "Stretch").put("durationSeconds", 300)));
  }

  private static String createProgram(Api api, String name, Integer weeks) {
    Reply reply = api.post("/programs", program(name, weeks));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().getString("id");
  }

  private static String createSession(Api api, String programId, JsonObject session) {
    Reply reply = api.post("/programs/" + programId + "/sessions", session);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().getString("id");
  }

  private static String createTemplate(Trainer trainer, String name) {
    Reply reply = trainer.api().post("/session-templates", new JsonObject().put("name", name));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().getString("id");
  }

  private static List<String> names(JsonArray items) {
    return items.stream().map(i -> ((JsonObject) i).getString("name")).toList();
  }

  @Test
  @DisplayName("a program comes back with its sessions inline, in week and session order, alone and in the list")
  void programWithSessions() {
    Trainer trainer = registerTrainer();
    Reply created = trainer.api().post("/programs", program("Base Building", 4));
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().getString("id");
    assertThat(created.header("Location")).isEqualTo("/api/v1/programs/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(created.json().getJsonArray("sessions")).isEmpty();

    Reply second = trainer.api().post("/programs/" + id + "/sessions", session("Week 2 legs", 2, 1));
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.header("Location"))
        .isEqualTo("/api/v1/programs/" + id + "/sessions/" + second.json().getString("id"));
    createSession(trainer.api(), id, session("Week 1 pull", 1, 2));
    createSession(trainer.api(), id, session("Week 1 push", 1, 1));

    JsonObject got = trainer.api().get("/programs/" + id).json();
    assertThat(got.getString("name")).isEqualTo("Base Building");
    assertThat(got.getInteger("durationWeeks")).isEqualTo(4);
    assertThat(got.getString("trainerId")).isEqualTo(trainer.id());
    JsonArray sessions = got.getJsonArray("sessions");
    assertThat(names(sessions)).containsExactly("Week 1 push", "Week 1 pull", "Week 2 legs");
    JsonObject first = sessions.getJsonObject(0);
    assertThat(first.getString("programId")).isEqualTo(id);
    assertThat(first.getString("trainerId")).isEqualTo(trainer.id());
    assertThat(first.getString("focusArea")).isEqualTo("lower body");
    assertThat(first.getJsonArray("warmup").getJsonObject(0).getString("name")).isEqualTo("Bike");
    assertThat(first.getString("traineeId")).isNull();
    assertThat(names(trainer.api().get("/programs/" + id + "/sessions").items()))
        .containsExactly("Week 1 push", "Week 1 pull", "Week 2 legs");

    String other = createProgram(trainer.api(), "Another Plan", 2);
    createSession(trainer.api(), other, session("Only one", 1, 1));
    JsonArray listed = trainer.api().get("/programs").items();
    assertThat(names(listed)).containsExactly("Another Plan", "Base Building");
    assertThat(names(listed.getJsonObject(0).getJsonArray("sessions"))).containsExactly("Only one");
    assertThat(names(listed.getJsonObject(1).getJsonArray("sessions")))
        .containsExactly("Week 1 push", "Week 1 pull", "Week 2 legs");
  }

  @Test
  @DisplayName("a session is assigned to a trainee and a template, and PATCH null clears them")
  void assignAndClear() {
    Trainer trainer = registerTrainer();
    String programId = createProgram(trainer.api(), "Strength", 8);
    String traineeId = createTrainee(trainer.api(), "Maria Lopez");
    String templateId = createTemplate(trainer, "Lower A");
    String sessionId = createSession(trainer.api(), programId, session("Day 1", 1, 1));
    String path = "/programs/" + programId + "/sessions/" + sessionId;

    Reply assigned = trainer.api().header("If-Match", "\"1\"")
        .patch(path, new JsonObject().put("traineeId", traineeId).put("sessionTemplateId", templateId));
    assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
    assertThat(assigned.json().getString("traineeId")).isEqualTo(traineeId);
    assertThat(assigned.json().getString("sessionTemplateId")).isEqualTo(templateId);
    assertThat(assigned.json().getString("name")).isEqualTo("Day 1");
    assertThat(assigned.header("ETag")).isEqualTo("\"2\"");

    Reply cleared = trainer.api().patch(path, new JsonObject().put("traineeId", (String) null)
        .put("sessionTemplateId", (String) null));
    assertThat(cleared.status()).isEqualTo(200);
    assertThat(cleared.json().getString("traineeId")).isNull();
    assertThat(cleared.json().getString("sessionTemplateId")).isNull();
    JsonObject stored = trainer.api().get("/programs/" + programId).json().getJsonArray("sessions").getJsonObject(0);
    assertThat(stored.getString("traineeId")).isNull();
    assertThat(stored.getInteger("version")).isEqualTo(3);
  }

  @Test
  @DisplayName("another trainer's trainee or template in a body is 404, and nothing is stored")
  void foreignReferences() {
    Trainer trainer = registerTrainer();
    Trainer other = registerTrainer();
    String programId = createProgram(trainer.api(), "Strength", 8);
    String foreignTrainee = createTrainee(other.api(), "Not Yours");
    String foreignTemplate = createTemplate(other, "Not Yours Either");
    String sessions = "/programs/" + programId + "/sessions";

    Reply trainee = trainer.api().post(sessions, session("Day 1", 1, 1).put("traineeId", foreignTrainee));
    assertThat(trainee.status()).isEqualTo(404);
    assertThat(trainee.json().getString("detail")).isEqualTo("trainee not found");
    Reply template = trainer.api().post(sessions, session("Day 1", 1, 1).put("sessionTemplateId", foreignTemplate));
    assertThat(template.status()).isEqualTo(404);
    assertThat(template.json().getString("detail")).isEqualTo("session template not found");
    assertThat(stack.count("SELECT count(*) FROM training_session")).isZero();

    String sessionId = createSession(trainer.api(), programId, session("Day 1", 1, 1));
    assertThat(trainer.api().patch(sessions + "/" + sessionId, new JsonObject().put("name", "Renamed")
        .put("traineeId", foreignTrainee)).status()).isEqualTo(404);
    assertThat(trainer.api().patch(sessions + "/" + sessionId, new JsonObject()
        .put("sessionTemplateId", foreignTemplate)).status()).isEqualTo(404);
    JsonObject stored = trainer.api().get(sessions).items().getJsonObject(0);
    assertThat(stored.getString("name")).isEqualTo("Day 1");
    assertThat(stored.getString("traineeId")).isNull();
    assertThat(stored.getString("sessionTemplateId")).isNull();
    assertThat(stored.getInteger("version")).isEqualTo(1);
  }

  @Test
  @DisplayName("a week beyond the program's duration is refused, and so is shortening a program below a used week")
  void weeksWithinDuration() {
    Trainer trainer = registerTrainer();
    String programId = createProgram(trainer.api(), "Four Weeks", 4);
    String sessions = "/programs/" + programId + "/sessions";

    Reply tooLate = trainer.api().post(sessions, session("Week 5", 5, 1));
    assertThat(tooLate.status()).isEqualTo(400);
    assertThat(tooLate.errorFields()).containsExactly("weekNumber");
    assertThat(stack.count("SELECT count(*) FROM training_session")).isZero();

    String sessionId = createSession(trainer.api(), programId, session("Week 4", 4, 1));
    Reply moved = trainer.api().patch(sessions + "/" + sessionId, new JsonObject().put("weekNumber", 6));
    assertThat(moved.status()).isEqualTo(400);
    assertThat(moved.errorFields()).containsExactly("weekNumber");

    Reply shortened = trainer.api().patch("/programs/" + programId, new JsonObject().put("durationWeeks", 3));
    assertThat(shortened.status()).isEqualTo(400);
    assertThat(shortened.errorFields()).containsExactly("durationWeeks");
    assertThat(trainer.api().get("/programs/" + programId).json().getInteger("durationWeeks")).isEqualTo(4);

    String open = createProgram(trainer.api(), "Open Ended", null);
    assertThat(trainer.api().post("/programs/" + open + "/sessions", session("Far out", 52, 1)).status())
        .isEqualTo(201);
  }

  @Test
  @DisplayName("a stale If-Match gets 409 on every write and changes nothing")
  void staleIfMatch() {
    Trainer trainer = registerTrainer();
    String programId = createProgram(trainer.api(), "Strength", 8);
    String sessionId = createSession(trainer.api(), programId, session("Day 1", 1, 1));
    String sessionPath = "/programs/" + programId + "/sessions/" + sessionId;
    Reply renamed = trainer.api().header("If-Match", "\"1\"")
        .patch("/programs/" + programId, new JsonObject().put("name", "Strength II"));
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.json().getJsonArray("sessions")).hasSize(1);
    Api stale = trainer.api().header("If-Match", "\"1\"");
    assertThat(trainer.api().patch(sessionPath, new JsonObject().put("name", "Day One")).status()).isEqualTo(200);

    assertThat(stale.patch("/programs/" + programId, new JsonObject().put("name", "Lost")).status()).isEqualTo(409);
    assertThat(stale.delete("/programs/" + programId).status()).isEqualTo(409);
    assertThat(stale.patch(sessionPath, new JsonObject().put("name", "Lost")).status()).isEqualTo(409);
    assertThat(stale.delete(sessionPath).status()).isEqualTo(409);

    JsonObject stored = trainer.api().get("/programs/" + programId).json();
    assertThat(stored.getString("name")).isEqualTo("Strength II");
    assertThat(names(stored.getJsonArray("sessions"))).containsExactly("Day One");
  }

  @Test
  @DisplayName("another trainer gets 404 on every program and session endpoint, and nothing changes")
  void tenancy() {
    Trainer owner = registerTrainer();
    Api other = registerTrainer().api();
    String programId = createProgram(owner.api(), "Private Plan", 8);
    String sessionId = createSession(owner.api(), programId, session("Day 1", 1, 1));
    String program = "/programs/" + programId;
    String session = program + "/sessions/" + sessionId;

    assertThat(other.get(program).status()).isEqualTo(404);
    assertThat(other.patch(program, new JsonObject().put("name", "Hacked")).status()).isEqualTo(404);
    assertThat(other.delete(program).status()).isEqualTo(404);
    assertThat(other.get(program + "/sessions").status()).isEqualTo(404);
    assertThat(other.post(program + "/sessions", session("Intruder", 1, 2)).status()).isEqualTo(404);
    assertThat(other.patch(session, new JsonObject().put("name", "Hacked")).status()).isEqualTo(404);
    assertThat(other.delete(session).status()).isEqualTo(404);
    assertThat(other.get("/programs").items()).isEmpty();

    JsonObject stored = owner.api().get(program).json();
    assertThat(stored.getString("name")).isEqualTo("Private Plan");
    assertThat(names(stored.getJsonArray("sessions"))).containsExactly("Day 1");
  }

  @Test
  @DisplayName("unknown and malformed ids get 404, and a session only exists under its own program")
  void unknownIds() {
    Trainer trainer = registerTrainer();
    String programId = createProgram(trainer.api(), "One", 8);
    String otherProgram = createProgram(trainer.api(), "Two", 8);
    String sessionId = createSession(trainer.api(), programId, session("Day 1", 1, 1));

    assertThat(trainer.api().get("/programs/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
    assertThat(trainer.api().get("/programs/not-a-uuid").status()).isEqualTo(404);
    assertThat(trainer.api().patch("/programs/" + programId + "/sessions/nope", new JsonObject().put("name", "X"))
        .status()).isEqualTo(404);
    assertThat(trainer.api().delete("/programs/" + otherProgram + "/sessions/" + sessionId).status()).isEqualTo(404);
    assertThat(trainer.api().get("/programs/" + programId).json().getJsonArray("sessions")).hasSize(1);
  }

  @Test
  @DisplayName("bad program and session bodies get 400 with every offending field named, and nothing is stored")
  void validation() {
    Trainer trainer = registerTrainer();
    Reply badProgram = trainer.api().post("/programs", new JsonObject().put("name", "x".repeat(201))
        .put("difficulty", "legendary").put("durationWeeks", 0).put("trainerId", trainer.id()));
    assertThat(badProgram.status()).isEqualTo(400);
    assertThat(badProgram.contentType()).isEqualTo("application/problem+json");
    assertThat(badProgram.errorFields()).contains("name", "difficulty", "durationWeeks", "trainerId");
    assertThat(stack.count("SELECT count(*) FROM program")).isZero();

    String programId = createProgram(trainer.api(), "Strength", 8);
    Reply badSession = trainer.api().post("/programs/" + programId + "/sessions", new JsonObject()
        .put("weekNumber", 0).put("sessionNumber", 101).put("estimatedDuration", "an hour")
        .put("traineeId", "not-a-uuid").put("warmup", "jog"));
    assertThat(badSession.status()).isEqualTo(400);
    assertThat(badSession.errorFields())
        .contains("name", "weekNumber", "sessionNumber", "estimatedDuration", "traineeId", "warmup");
    Reply badPatch = trainer.api().patch("/programs/" + programId, new JsonObject().put("name", (String) null));
    assertThat(badPatch.status()).isEqualTo(400);
    assertThat(badPatch.errorFields()).contains("name");
    assertThat(stack.count("SELECT count(*) FROM training_session")).isZero();
  }

  @Test
  @DisplayName("programs page by name and sessions by program order, each with a cursor")
  void pagination() {
    Trainer trainer = registerTrainer();
    for (String name : new String[] {"Eve", "Bob", "alice", "Dan", "Carol"}) {
      createProgram(trainer.api(), name, 12);
    }
    assertThat(walk(trainer.api(), "/programs?limit=2")).containsExactly("alice", "Bob", "Carol", "Dan", "Eve");

    String programId = createProgram(trainer.api(), "Long Plan", 12);
    String sessions = "/programs/" + programId + "/sessions";
    createSession(trainer.api(), programId, new JsonObject().put("name", "Whenever"));
    for (int week = 3; week >= 1; week--) {
      createSession(trainer.api(), programId, session("W" + week + " B", week, 2));
      createSession(trainer.api(), programId, session("W" + week + " A", week, 1));
    }
    assertThat(walk(trainer.api(), sessions + "?limit=2"))
        .containsExactly("W1 A", "W1 B", "W2 A", "W2 B", "W3 A", "W3 B", "Whenever");

    assertThat(trainer.api().get("/programs?limit=500").status()).isEqualTo(400);
    assertThat(trainer.api().get("/programs?cursor=bogus").status()).isEqualTo(400);
    assertThat(trainer.api().get(sessions + "?cursor=WyJ4Il0").status()).isEqualTo(400);
  }

  /** Follows nextCursor to the end, collecting names. */
  private static List<String> walk(Api api, String firstPage) {
    List<String> seen = new ArrayList<>();
    Reply page = api.get(firstPage);
    while (true) {
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      seen.addAll(names(page.items()));
      String cursor = page.json().getString("nextCursor");
      if (cursor == null) {
        return seen;
      }
      page = api.get(firstPage + "&cursor=" + cursor);
    }
  }

  @Test
  @DisplayName("deleting a program removes its sessions, while records of them keep their history")
  void deleteCascades() {
    Trainer trainer = registerTrainer();
    String programId = createProgram(trainer.api(), "Retired Plan", 8);
    String traineeId = createTrainee(trainer.api(), "Maria Lopez");
    String kept = createSession(trainer.api(), programId, session("Done once", 1, 1));
    String dropped = createSession(trainer.api(), programId, session("Dropped", 1, 2));
    Reply record = trainer.api().post("/session-records", new JsonObject().put("traineeId", traineeId)
        .put("sessionDate", "2026-11-02").put("trainingSessionId", kept));
    assertThat(record.status()).as(record.toString()).isEqualTo(201);
    String recordId = record.json().getString("id");

    assertThat(trainer.api().delete("/programs/" + programId + "/sessions/" + dropped).status()).isEqualTo(204);
    assertThat(names(trainer.api().get("/programs/" + programId).json().getJsonArray("sessions")))
        .containsExactly("Done once");

    assertThat(trainer.api().header("If-Match", "\"1\"").delete("/programs/" + programId).status()).isEqualTo(204);
    assertThat(trainer.api().get("/programs/" + programId).status()).isEqualTo(404);
    assertThat(stack.count("SELECT count(*) FROM training_session")).isZero();
    assertThat(stack.count("SELECT count(*) FROM training_session_record WHERE id = '" + recordId + "'"
        + " AND training_session_id IS NULL")).isEqualTo(1);
  }
}
