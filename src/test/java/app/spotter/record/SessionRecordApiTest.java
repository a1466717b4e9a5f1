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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionRecordApiTest extends ApiTest {

  private String logSession(Api api, JsonObject body) {
    Reply reply = api.post("/session-records", body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().getString("id");
  }

  private static List<String> dates(Reply list) {
    return list.items().stream().map(r -> ((JsonObject) r).getString("sessionDate")).toList();
  }

  @Test
  @DisplayName("a session logged by hand with two exercises and their sets reads back whole, in order")
  void handLogged() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Maria Lopez");
    JsonObject body = record(traineeId, "2026-11-20",
            exercise("Back squat", set("s1", 5, 100), set("s2", 5, 102.5).put("rpe", 8.5).put("kind", "working")),
            exercise("Plank", new JsonObject().put("id", "p1").put("durationSeconds", 60).put("kind", "warmup")))
        .put("startTime", "2026-11-20T08:00:00Z").put("endTime", "2026-11-20T09:05:00Z")
        .put("location", "Main gym").put("trainerNotes", "knee ok today")
        .put("traineeFeedback", new JsonObject().put("mood", "great"));

    Reply created = trainer.api().post("/session-records", body);

    assertThat(created.status()).isEqualTo(201);
    String id = created.json().getString("id");
    assertThat(created.header("Location")).isEqualTo("/api/v1/session-records/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    JsonObject got = trainer.api().get("/session-records/" + id).json();
    assertThat(got.getString("status")).isEqualTo("completed");
    assertThat(got.getBoolean("completed")).isTrue();
    assertThat(got.getBoolean("isLive")).isFalse();
    assertThat(got.getString("trainerNotes")).isEqualTo("knee ok today");
    assertThat(got.getJsonObject("traineeFeedback").getString("mood")).isEqualTo("great");
    assertThat(got.getString("endTime")).isEqualTo("2026-11-20T09:05:00.000Z");
    JsonArray exercises = got.getJsonArray("exercises");
    assertThat(exercises).hasSize(2);
    assertThat(exercises.getJsonObject(0).getString("exerciseName")).isEqualTo("Back squat");
    assertThat(exercises.getJsonObject(1).getInteger("orderIndex")).isEqualTo(1);
    JsonObject second = exercises.getJsonObject(0).getJsonArray("sets").getJsonObject(1);
    assertThat(second.getInteger("number")).isEqualTo(2);
    assertThat(second.getDouble("weight")).isEqualTo(102.5);
    assertThat(second.getDouble("rpe")).isEqualTo(8.5);
    assertThat(second.getJsonObject("loggedBy")).isEqualTo(new JsonObject().put("role", "trainer").put("id", trainer.id()));
    assertThat(exercises.getJsonObject(0).getJsonArray("sets").getJsonObject(0).getString("kind")).isEqualTo("working");
    assertThat(exercises.getJsonObject(1).getJsonArray("sets").getJsonObject(0).getString("kind")).isEqualTo("warmup");
    assertThat(created.json().getJsonArray("exercises")).isEqualTo(exercises);
  }

  @Test
  @DisplayName("the list is newest first, filters by trainee, start time and status, and pages with a cursor")
  void filtersAndPages() {
    Trainer trainer = registerTrainer();
    String maria = createTrainee(trainer.api(), "Maria");
    String tom = createTrainee(trainer.api(), "Tom");
    for (String date : new String[] {"2026-11-01", "2026-11-03", "2026-11-05", "2026-11-07"}) {
      logSession(trainer.api(), record(maria, date));
    }
    logSession(trainer.api(), record(tom, "2026-11-04").put("status", "abandoned")
        .put("startTime", "2026-11-04T18:00:00Z"));

    assertThat(dates(trainer.api().get("/session-records")))
        .containsExactly("2026-11-07", "2026-11-05", "2026-11-04", "2026-11-03", "2026-11-01");
    assertThat(dates(trainer.api().get("/session-records?traineeId=" + tom))).containsExactly("2026-11-04");
    assertThat(dates(trainer.api().get("/session-records?from=2026-11-03T00:00:00Z&to=2026-11-06T00:00:00Z")))
        .containsExactly("2026-11-05", "2026-11-04", "2026-11-03");
    assertThat(dates(trainer.api().get("/session-records?from=2026-11-04T12:00:00Z&to=2026-11-05T00:00:00Z")))
        .as("a record starts at its start time, else at midnight UTC; 'to' is exclusive")
        .containsExactly("2026-11-04");
    assertThat(dates(trainer.api().get("/session-records?status=abandoned"))).containsExactly("2026-11-04");
    assertThat(dates(trainer.api().get("/session-records?traineeId=" + maria + "&status=abandoned"))).isEmpty();

    List<String> paged = new ArrayList<>();
    Reply page = trainer.api().get("/session-records?traineeId=" + maria + "&limit=3");
    paged.addAll(dates(page));
    assertThat(paged).hasSize(3);
    page = trainer.api().get("/session-records?traineeId=" + maria + "&limit=3&cursor=" + page.json().getString("nextCursor"));
    paged.addAll(dates(page));
    assertThat(page.json().getString("nextCursor")).isNull();
    assertThat(paged).containsExactly("2026-11-07", "2026-11-05", "2026-11-03", "2026-11-01");

    assertThat(trainer.api().get("/session-records?cursor=bogus").status()).isEqualTo(400);
    assertThat(trainer.api().get("/session-records?status=sleeping").errorFields()).containsExactly("status");
    assertThat(trainer.api().get("/session-records?from=yesterday").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("records on the same date page one at a time without a skip or a repeat")
  void sameDatePaging() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Maria");
    for (String date : new String[] {"2026-11-02", "2026-11-02", "2026-11-03", "2026-11-02", "2026-11-02"}) {
      logSession(trainer.api(), record(traineeId, date));
    }
    List<String> inOnePage = ids(trainer.api().allPages("/session-records?limit=200"));
    List<String> walked = ids(trainer.api().allPages("/session-records?limit=1"));

    assertThat(inOnePage).hasSize(5).doesNotHaveDuplicates();
    assertThat(walked).containsExactlyElementsOf(inOnePage);
  }

  @Test
  @DisplayName("a trainee sees only their own records, never the trainer's notes, and may not write")
  void traineeView() {
    Trainer trainer = registerTrainer();
    String maria = createTrainee(trainer.api(), "Maria");
    String tom = createTrainee(trainer.api(), "Tom");
    String mine = logSession(trainer.api(), record(maria, "2026-11-02", exercise("Row", set("r1", 10, 40)))
        .put("trainerNotes", "private: watch her lower back"));
    String toms = logSession(trainer.api(), record(tom, "2026-11-03"));
    Api asMaria = anonymous.as(LiveFixtures.traineeToken(trainer, maria));

    Reply list = asMaria.get("/session-records");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.items()).hasSize(1);
    assertThat(list.items().getJsonObject(0).containsKey("trainerNotes")).isFalse();
    Reply own = asMaria.get("/session-records/" + mine);
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().containsKey("trainerNotes")).isFalse();
    assertThat(own.json().getJsonArray("exercises").getJsonObject(0).getJsonArray("sets")).hasSize(1);
    assertThat(asMaria.get("/session-records/" + mine + "/exercises").items()).hasSize(1);

    assertThat(asMaria.get("/session-records/" + toms).status()).isEqualTo(404);
    assertThat(asMaria.get("/session-records/" + toms + "/exercises").status()).isEqualTo(404);
    assertThat(asMaria.get("/session-records?traineeId=" + tom).status()).isEqualTo(404);

    assertThat(asMaria.post("/session-records", record(maria, "2026-11-04")).status()).isEqualTo(403);
    assertThat(asMaria.patch("/session-records/" + mine, new JsonObject().put("location", "x")).status()).isEqualTo(403);
    assertThat(asMaria.delete("/session-records/" + mine).status()).isEqualTo(403);
    assertThat(asMaria.post("/session-records/" + mine + "/exercises", exercise("Curl")).status()).isEqualTo(403);
    assertThat(stack.count("SELECT count(*) FROM training_session_record")).isEqualTo(2);
  }

  @Test
  @DisplayName("status moves between scheduled, completed and abandoned, never to or from live over REST")
  void statusRules() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Maria");

    Reply live = trainer.api().post("/session-records", record(traineeId, "2026-11-02").put("status", "live"));
    assertThat(live.status()).isEqualTo(400);
    assertThat(live.errorFields()).containsExactly("status");

    String id = logSession(trainer.api(), record(traineeId, "2026-11-02").put("status", "scheduled"));
    assertThat(trainer.api().get("/session-records/" + id).json().getBoolean("completed")).isFalse();
    Reply done = trainer.api().patch("/session-records/" + id, new JsonObject().put("status", "completed"));
    assertThat(done.json().getBoolean("completed")).isTrue();
    Reply abandoned = trainer.api().patch("/session-records/" + id, new JsonObject().put("status", "abandoned"));
    assertThat(abandoned.json().getBoolean("completed")).isFalse();
    assertThat(abandoned.json().getInteger("version")).isEqualTo(3);
    assertThat(trainer.api().patch("/session-records/" + id, new JsonObject().put("status", "live")).status())
        .isEqualTo(409);

    String liveId = LiveFixtures.start(trainer, traineeId, null).getString("id");
    assertThat(trainer.api().patch("/session-records/" + liveId, new JsonObject().put("status", "completed")).status())
        .isEqualTo(409);
    assertThat(trainer.api().patch("/session-records/" + liveId, new JsonObject().put("location", "x")).status())
        .isEqualTo(409);
    assertThat(trainer.api().post("/session-records/" + liveId + "/exercises", exercise("Curl")).status()).isEqualTo(409);
    assertThat(trainer.api().delete("/session-records/" + liveId).status()).isEqualTo(409);
    assertThat(trainer.api().get("/session-records/" + liveId).json().getString("status")).isEqualTo("live");
  }

  @Test
  @DisplayName("an end time before the start time gets 400 naming endTime")
  void timeOrder() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Maria");
    Reply reply = trainer.api().post("/session-records", record(traineeId, "2026-11-02")
        .put("startTime", "2026-11-02T10:00:00Z").put("endTime", "2026-11-02T09:00:00Z"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorFields()).containsExactly("endTime");
  }

  @Test
  @DisplayName("duplicate set ids in one exercise get 400 naming sets, and nothing is written")
  void duplicateSetIds() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Maria");
    Reply inline = trainer.api().post("/session-records",
        record(traineeId, "2026-11-02", exercise("Squat", set("a", 5, 100), set("a", 5, 100))));
    assertThat(inline.status()).isEqualTo(400);
    assertThat(inline.errorFields()).containsExactly("exercises[0].sets");
    assertThat(stack.count("SELECT count(*) FROM training_session_record")).isZero();

    String id = logSession(trainer.api(), record(traineeId, "2026-11-02"));
    Reply added = trainer.api().post("/session-records/" + id + "/exercises",
        exercise("Squat", set("a", 5, 100), set("b", 5, 100), set("a", 3, 90)));
    assertThat(added.status()).isEqualTo(400);
    assertThat(added.errorFields()).containsExactly("sets");
    assertThat(stack.count("SELECT count(*) FROM exercise_record")).isZero();
  }

  @Test
  @DisplayName("an RPE of 11, negative reps and an unknown set kind get 400 naming each field")
  void badSetValues() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Maria");
    String id = logSession(trainer.api(), record(traineeId, "2026-11-02"));
    JsonObject bad = exercise("Squat", set("a", 5, 100).put("rpe", 11), set("b", -1, 100),
        set("c", 5, 100).put("kind", "heroic"));

    Reply reply = trainer.api().post("/session-records/" + id + "/exercises", bad);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorFields()).contains("sets[0].rpe", "sets[1].reps", "sets[2].kind");
    Reply inline = trainer.api().post("/session-records", record(traineeId, "2026-11-03", bad));
    assertThat(inline.errorFields()).contains("exercises[0].sets[0].rpe");
    assertThat(stack.count("SELECT count(*) FROM exercise_record")).isZero();
  }

  @Test
  @DisplayName("exercises logged with a record without orderIndex go after the highest one before them")
  void inlinePositions() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Maria");
    JsonObject body = record(traineeId, "2026-11-02", exercise("A"), exercise("B").put("orderIndex", 5), exercise("C"));
    JsonArray exercises = trainer.api().post("/session-records", body).json().getJsonArray("exercises");

    assertThat(exercises.stream().map(e -> ((JsonObject) e).getInteger("orderIndex"))).containsExactly(0, 5, 6);
  }

  @Test
  @DisplayName("exercises are appended, edited with their sets renumbered, and deleted; a stale If-Match gets 409")
  void exercises() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Maria");
    String id = logSession(trainer.api(), record(traineeId, "2026-11-02", exercise("Squat")));
    String path = "/session-records/" + id + "/exercises";

    Reply added = trainer.api().post(path, exercise("Bench", set("b1", 8, 60)));
    assertThat(added.status()).isEqualTo(201);
    String exerciseId = added.json().getString("id");
    assertThat(added.header("Location")).isEqualTo("/api/v1" + path + "/" + exerciseId);
    assertThat(added.json().getInteger("orderIndex")).isEqualTo(1);
    assertThat(trainer.api().post(path, exercise("Stretch").put("orderIndex", 7)).json().getInteger("orderIndex"))
        .isEqualTo(7);
    assertThat(trainer.api().post(path, exercise("Walk")).json().getInteger("orderIndex")).isEqualTo(8);

    Reply edited = trainer.api().header("If-Match", "\"1\"").patch(path + "/" + exerciseId,
        new JsonObject().put("sets", new JsonArray().add(set("b2", 6, 65)).add(set("b1", 8, 60)))
            .put("formRating", 4));
    assertThat(edited.status()).isEqualTo(200);
    JsonArray sets = edited.json().getJsonArray("sets");
    assertThat(sets.getJsonObject(0).getString("id")).isEqualTo("b2");
    assertThat(sets.getJsonObject(0).getInteger("number")).isEqualTo(1);
    assertThat(edited.json().getString("exerciseName")).isEqualTo("Bench");
    assertThat(trainer.api().header("If-Match", "\"1\"").patch(path + "/" + exerciseId,
        new JsonObject().put("notes", "late")).status()).isEqualTo(409);
    Reply noted = trainer.api().header("If-Match", "\"2\"").patch(path + "/" + exerciseId,
        new JsonObject().put("notes", "late"));
    assertThat(noted.status()).isEqualTo(200);
    assertThat(noted.json().getJsonArray("sets")).as("an edit without sets keeps them").isEqualTo(sets);
    JsonObject listed = trainer.api().get(path).items().stream().map(e -> (JsonObject) e)
        .filter(e -> e.getString("id").equals(exerciseId)).findFirst().orElseThrow();
    assertThat(listed.getJsonArray("sets")).as("as stored").isEqualTo(sets);

    List<String> names = trainer.api().get(path).items().stream().map(e -> ((JsonObject) e).getString("exerciseName"))
        .toList();
    assertThat(names).containsExactly("Squat", "Bench", "Stretch", "Walk");
    assertThat(trainer.api().delete(path + "/" + exerciseId).status()).isEqualTo(204);
    assertThat(trainer.api().get(path).items()).hasSize(3);
    assertThat(trainer.api().delete(path + "/" + exerciseId).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("another trainer's records, trainees, training sessions and templates are 404 everywhere")
  void tenancy() {
    Trainer owner = registerTrainer();
    Trainer other = registerTrainer();
    String traineeId = createTrainee(owner.api(), "Maria");
    String id = logSession(owner.api(), record(traineeId, "2026-11-02", exercise("Squat", set("a", 5, 100))));
    String exerciseId = owner.api().get("/session-records/" + id).json().getJsonArray("exercises").getJsonObject(0)
        .getString("id");
    String ownersSession = RecordFixtures.trainingSession(owner);
    String ownersTemplate = RecordFixtures.exerciseTemplate(owner);
    Api api = other.api();
    String otherTrainee = createTrainee(api, "Tom");
    String otherRecord = logSession(api, record(otherTrainee, "2026-11-03"));

    assertThat(api.get("/session-records/" + id).status()).isEqualTo(404);
    assertThat(api.patch("/session-records/" + id, new JsonObject().put("location", "x")).status()).isEqualTo(404);
    assertThat(api.delete("/session-records/" + id).status()).isEqualTo(404);
    assertThat(api.get("/session-records/" + id + "/exercises").status()).isEqualTo(404);
    assertThat(api.post("/session-records/" + id + "/exercises", exercise("Curl")).status()).isEqualTo(404);
    assertThat(api.patch("/session-records/" + id + "/exercises/" + exerciseId, new JsonObject().put("notes", "x"))
        .status()).isEqualTo(404);
    assertThat(api.delete("/session-records/" + id + "/exercises/" + exerciseId).status()).isEqualTo(404);
    assertThat(api.get("/session-records?traineeId=" + traineeId).status()).isEqualTo(404);
    assertThat(api.get("/session-records").items()).hasSize(1);

    assertThat(api.post("/session-records", record(traineeId, "2026-11-04")).status()).isEqualTo(404);
    assertThat(api.post("/session-records", record(otherTrainee, "2026-11-04").put("trainingSessionId", ownersSession))
        .status()).isEqualTo(404);
    assertThat(api.patch("/session-records/" + otherRecord, new JsonObject().put("trainingSessionId", ownersSession))
        .status()).isEqualTo(404);
    assertThat(api.post("/session-records/" + otherRecord + "/exercises",
        exercise("Squat").put("exerciseTemplateId", ownersTemplate)).status()).isEqualTo(404);
    assertThat(api.post("/session-records", record(otherTrainee, "2026-11-04",
        exercise("Squat").put("exerciseTemplateId", ownersTemplate))).status()).isEqualTo(404);

    assertThat(stack.count("SELECT count(*) FROM training_session_record")).isEqualTo(2);
    assertThat(owner.api().get("/session-records/" + id).json().getJsonArray("exercises")).hasSize(1);
    assertThat(owner.api().post("/session-records", record(traineeId, "2026-11-05").put("trainingSessionId", ownersSession)
        .put("exercises", new JsonArray().add(exercise("Squat").put("exerciseTemplateId", ownersTemplate)))).status())
        .isEqualTo(201);
  }

  @Test
  @DisplayName("deleting a record removes it and its exercises")
  void delete() {
    Trainer trainer = registerTrainer();
    String traineeId = createTrainee(trainer.api(), "Maria");
    String id = logSession(trainer.api(), record(traineeId, "2026-11-02", exercise("Squat", set("a", 5, 100))));
    assertThat(trainer.api().header("If-Match", "\"9\"").delete("/session-records/" + id).status()).isEqualTo(409);
    assertThat(trainer.api().delete("/session-records/" + id).status()).isEqualTo(204);
    assertThat(trainer.api().get("/session-records/" + id).status()).isEqualTo(404);
    assertThat(stack.count("SELECT count(*) FROM exercise_record")).isZero();
  }

  private static List<String> ids(List<JsonObject> records) {
    return records.stream().map(r -> r.getString("id")).toList();
  }
}
