package app.spotter.template;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.Api;
import app.spotter.support.ApiTest;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionTemplateApiTest extends ApiTest {

  private static JsonObject exercise(String name) {
    return new JsonObject().put("exerciseName", name).put("targetSets", 3).put("targetReps", 8);
  }

  private static JsonObject legDay() {
    return new JsonObject()
        .put("name", "Leg day")
        .put("category", "strength")
        .put("difficulty", "intermediate")
        .put("durationMinutes", 60)
        .put("equipmentNeeded", new JsonArray().add("barbell").add("rack"))
        .put("exercises", new JsonArray()
            .add(exercise("Back squat").put("targetWeight", 100.5).put("muscleGroups", new JsonArray().add("quads")))
            .add(exercise("Romanian deadlift"))
            .add(exercise("Walking lunge").put("restBetweenSets", 90)));
  }

  /** Creates the leg-day template and returns it as created. */
  private static JsonObject createLegDay(Api api) {
    Reply reply = api.post("/session-templates", legDay());
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json();
  }

  private static List<String> names(JsonObject template) {
    return template.getJsonArray("exercises").stream().map(e -> ((JsonObject) e).getString("exerciseName")).toList();
  }

  private static List<String> ids(JsonObject template) {
    return template.getJsonArray("exercises").stream().map(e -> ((JsonObject) e).getString("id")).toList();
  }

  private static List<Integer> positions(JsonObject template) {
    return template.getJsonArray("exercises").stream().map(e -> ((JsonObject) e).getInteger("orderIndex")).toList();
  }

  @Test
  @DisplayName("a template created with three exercises comes back with them in the order given")
  void createWithExercises() {
    Trainer trainer = registerTrainer();
    Reply created = trainer.api().post("/session-templates", legDay());

    assertThat(created.status()).isEqualTo(201);
    String id = created.json().getString("id");
    assertThat(created.header("Location")).isEqualTo("/api/v1/session-templates/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(names(created.json())).containsExactly("Back squat", "Romanian deadlift", "Walking lunge");

    JsonObject got = trainer.api().get("/session-templates/" + id).json();
    assertThat(got.getString("name")).isEqualTo("Leg day");
    assertThat(got.getString("trainerId")).isEqualTo(trainer.id());
    assertThat(got.getJsonArray("equipmentNeeded")).containsExactly("barbell", "rack");
    assertThat(names(got)).containsExactly("Back squat", "Romanian deadlift", "Walking lunge");
    assertThat(positions(got)).containsExactly(0, 1, 2);
    JsonObject squat = got.getJsonArray("exercises").getJsonObject(0);
    assertThat(squat.getDouble("targetWeight")).isEqualTo(100.5);
    assertThat(squat.getJsonArray("muscleGroups")).containsExactly("quads");
    assertThat(squat.getString("sessionTemplateId")).isEqualTo(id);
    assertThat(got.getJsonArray("exercises").getJsonObject(2).getInteger("restBetweenSets")).isEqualTo(90);
  }

  @Test
  @DisplayName("an exercise added without orderIndex goes last; one placed explicitly keeps its place")
  void append() {
    Trainer trainer = registerTrainer();
    String id = createLegDay(trainer.api()).getString("id");
    String empty = trainer.api().post("/session-templates", new JsonObject().put("name", "Empty")).json().getString("id");

    Reply appended = trainer.api().post("/session-templates/" + id + "/exercises", exercise("Calf raise"));
    assertThat(appended.status()).isEqualTo(201);
    assertThat(appended.json().getInteger("orderIndex")).isEqualTo(3);
    assertThat(appended.header("Location"))
        .isEqualTo("/api/v1/session-templates/" + id + "/exercises/" + appended.json().getString("id"));
    Reply first = trainer.api().post("/session-templates/" + empty + "/exercises", exercise("Plank"));
    assertThat(first.json().getInteger("orderIndex")).isZero();

    Reply placed = trainer.api().post("/session-templates/" + id + "/exercises", exercise("Sled push").put("orderIndex", 10));
    assertThat(placed.json().getInteger("orderIndex")).isEqualTo(10);
    assertThat(trainer.api().post("/session-templates/" + id + "/exercises", exercise("Stretch")).json()
        .getInteger("orderIndex")).isEqualTo(11);

    Reply listed = trainer.api().get("/session-templates/" + id + "/exercises");
    assertThat(listed.items().stream().map(e -> ((JsonObject) e).getString("exerciseName"))).containsExactly(
        "Back squat", "Romanian deadlift", "Walking lunge", "Calf raise", "Sled push", "Stretch");
  }

  @Test
  @DisplayName("exercises given with a new template without orderIndex go after the highest one before them")
  void inlinePositions() {
    Trainer trainer = registerTrainer();
    JsonArray given = new JsonArray().add(exercise("A")).add(exercise("B").put("orderIndex", 5)).add(exercise("C"));
    JsonObject created = trainer.api().post("/session-templates", new JsonObject().put("name", "Mixed")
        .put("exercises", given)).json();

    assertThat(positions(created)).containsExactly(0, 5, 6);
  }

  @Test
  @DisplayName("an exercise placed or moved onto a taken position gets 409 and nothing changes")
  void takenPosition() {
    Trainer trainer = registerTrainer();
    JsonObject template = createLegDay(trainer.api());
    String base = "/session-templates/" + template.getString("id");

    Reply added = trainer.api().post(base + "/exercises", exercise("Clash").put("orderIndex", 1));
    assertThat(added.status()).isEqualTo(409);
    assertThat(added.json().getString("detail")).contains("orderIndex");
    Reply moved = trainer.api().patch(base + "/exercises/" + ids(template).get(0), new JsonObject().put("orderIndex", 2));
    assertThat(moved.status()).isEqualTo(409);
    assertThat(moved.json().getString("detail")).contains("orderIndex");

    assertThat(stack.count("SELECT count(*) FROM session_template")).isEqualTo(1);
    assertThat(positions(trainer.api().get(base).json())).containsExactly(0, 1, 2);
  }

  @Test
  @DisplayName("new exercises of one request sharing a position get 400 naming the later one's orderIndex, not 409")
  void clashWithinOneRequest() {
    Trainer trainer = registerTrainer();
    JsonArray explicit = new JsonArray().add(exercise("A").put("orderIndex", 4)).add(exercise("B").put("orderIndex", 4));
    Reply twice = trainer.api().post("/session-templates", new JsonObject().put("name", "Clash").put("exercises", explicit));
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.errorFields()).containsExactly("exercises[1].orderIndex");

    // The first is placed at 0 by omission; the second names 0 itself.
    JsonArray placed = new JsonArray().add(exercise("A")).add(exercise("B").put("orderIndex", 0));
    Reply onto = trainer.api().post("/session-templates", new JsonObject().put("name", "Clash").put("exercises", placed));
    assertThat(onto.status()).isEqualTo(400);
    assertThat(onto.errorFields()).containsExactly("exercises[1].orderIndex");

    assertThat(stack.count("SELECT count(*) FROM session_template")).isZero();
  }

  @Test
  @DisplayName("a reorder puts the exercises in the order given, numbers them 0..n-1 and bumps the template's version")
  void reorder() {
    Trainer trainer = registerTrainer();
    JsonObject template = createLegDay(trainer.api());
    String id = template.getString("id");
    List<String> reversed = new ArrayList<>(ids(template));
    Collections.reverse(reversed);

    Reply reply = trainer.api().header("If-Match", "\"1\"")
        .put("/session-templates/" + id + "/exercise-order", new JsonObject().put("ids", new JsonArray(reversed)));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("ETag")).isEqualTo("\"2\"");
    assertThat(names(reply.json())).containsExactly("Walking lunge", "Romanian deadlift", "Back squat");
    assertThat(positions(reply.json())).containsExactly(0, 1, 2);
    JsonObject got = trainer.api().get("/session-templates/" + id).json();
    assertThat(ids(got)).isEqualTo(reversed);
    assertThat(got.getInteger("version")).isEqualTo(2);
    // The exercises that moved changed; the one in the middle stayed where it was.
    assertThat(got.getJsonArray("exercises").stream().map(e -> ((JsonObject) e).getInteger("version")))
        .containsExactly(2, 1, 2);
  }

  @Test
  @DisplayName("a reorder that does not name each exercise exactly once gets 400 naming ids, and changes nothing")
  void reorderInvalid() {
    Trainer trainer = registerTrainer();
    JsonObject template = createLegDay(trainer.api());
    String id = template.getString("id");
    List<String> ids = ids(template);
    String otherTemplatesExercise = ids(createLegDay(trainer.api())).get(0);
    List<JsonArray> bad = List.of(
        new JsonArray().add(ids.get(1)).add(ids.get(0)),
        new JsonArray().add(ids.get(1)).add(ids.get(0)).add(ids.get(0)),
        new JsonArray().add(ids.get(1)).add(ids.get(0)).add(ids.get(2)).add(ids.get(2)),
        new JsonArray().add(ids.get(1)).add(ids.get(0)).add(otherTemplatesExercise),
        new JsonArray().add(ids.get(1)).add(ids.get(0)).add("not-a-uuid"));

    for (JsonArray order : bad) {
      Reply reply = trainer.api().put("/session-templates/" + id + "/exercise-order", new JsonObject().put("ids", order));
      assertThat(reply.status()).as(order.encode()).isEqualTo(400);
      assertThat(reply.errorFields()).as(order.encode()).contains("ids");
    }
    JsonObject got = trainer.api().get("/session-templates/" + id).json();
    assertThat(ids(got)).isEqualTo(ids);
    assertThat(positions(got)).containsExactly(0, 1, 2);
    assertThat(got.getInteger("version")).isEqualTo(1);
  }

  @Test
  @DisplayName("PATCH changes only what is sent and answers with the exercises; a stale If-Match gets 409")
  void patchTemplate() {
    Trainer trainer = registerTrainer();
    String id = createLegDay(trainer.api()).getString("id");

    Reply patched = trainer.api().header("If-Match", "\"1\"")
        .patch("/session-templates/" + id, new JsonObject().put("name", "Leg day B").put("category", (String) null));
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.header("ETag")).isEqualTo("\"2\"");
    assertThat(patched.json().getString("name")).isEqualTo("Leg day B");
    assertThat(patched.json().getString("category")).isNull();
    assertThat(patched.json().getInteger("durationMinutes")).isEqualTo(60);
    assertThat(names(patched.json())).hasSize(3);

    Reply stale = trainer.api().header("If-Match", "\"1\"")
        .patch("/session-templates/" + id, new JsonObject().put("name", "Lost update"));
    assertThat(stale.status()).isEqualTo(409);
    Reply staleReorder = trainer.api().header("If-Match", "\"1\"").put("/session-templates/" + id + "/exercise-order",
        new JsonObject().put("ids", new JsonArray(ids(patched.json()))));
    assertThat(staleReorder.status()).isEqualTo(409);
    assertThat(trainer.api().get("/session-templates/" + id).json().getString("name")).isEqualTo("Leg day B");
  }

  @Test
  @DisplayName("PATCH of an exercise bumps its own version, not the template's; a stale If-Match gets 409")
  void patchExercise() {
    Trainer trainer = registerTrainer();
    JsonObject template = createLegDay(trainer.api());
    String id = template.getString("id");
    String path = "/session-templates/" + id + "/exercises/" + ids(template).get(1);

    Reply patched = trainer.api().header("If-Match", "\"1\"").patch(path, new JsonObject().put("targetReps", 12));
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.header("ETag")).isEqualTo("\"2\"");
    assertThat(patched.json().getInteger("targetReps")).isEqualTo(12);
    assertThat(patched.json().getInteger("targetSets")).isEqualTo(3);

    Reply stale = trainer.api().header("If-Match", "\"1\"").patch(path, new JsonObject().put("targetReps", 5));
    assertThat(stale.status()).isEqualTo(409);
    JsonObject got = trainer.api().get("/session-templates/" + id).json();
    assertThat(got.getJsonArray("exercises").getJsonObject(1).getInteger("targetReps")).isEqualTo(12);
    assertThat(got.getInteger("version")).isEqualTo(1);
  }

  @Test
  @DisplayName("bad values are rejected with every offending field named, and nothing is stored")
  void validation() {
    Trainer trainer = registerTrainer();
    JsonObject template = legDay().put("difficulty", "easy").put("durationMinutes", 0);
    template.getJsonArray("exercises").getJsonObject(1).put("targetSets", -1);

    Reply created = trainer.api().post("/session-templates", template);
    assertThat(created.status()).isEqualTo(400);
    assertThat(created.errorFields()).contains("difficulty", "durationMinutes", "exercises[1].targetSets");
    assertThat(stack.count("SELECT count(*) FROM session_template")).isZero();

    String id = createLegDay(trainer.api()).getString("id");
    Reply added = trainer.api().post("/session-templates/" + id + "/exercises",
        exercise("Box jump").put("targetSets", -1).put("difficulty", "easy"));
    assertThat(added.status()).isEqualTo(400);
    assertThat(added.errorFields()).contains("targetSets", "difficulty");
    Reply nameless = trainer.api().post("/session-templates/" + id + "/exercises", new JsonObject().put("targetSets", 3));
    assertThat(nameless.errorFields()).contains("exerciseName");
    assertThat(stack.count("SELECT count(*) FROM exercise_template")).isEqualTo(3);
  }

  @Test
  @DisplayName("another trainer's template or exercise is 404 on every endpoint, and stays untouched")
  void tenancy() {
    Trainer owner = registerTrainer();
    Api other = registerTrainer().api();
    JsonObject template = createLegDay(owner.api());
    String base = "/session-templates/" + template.getString("id");
    String exercise = base + "/exercises/" + ids(template).get(0);
    JsonObject order = new JsonObject().put("ids", new JsonArray(ids(template)));

    assertThat(other.get(base).status()).isEqualTo(404);
    assertThat(other.patch(base, new JsonObject().put("name", "Mine now")).status()).isEqualTo(404);
    assertThat(other.get(base + "/exercises").status()).isEqualTo(404);
    assertThat(other.post(base + "/exercises", exercise("Intruder")).status()).isEqualTo(404);
    assertThat(other.patch(exercise, new JsonObject().put("targetSets", 9)).status()).isEqualTo(404);
    assertThat(other.put(base + "/exercise-order", order).status()).isEqualTo(404);
    assertThat(other.delete(exercise).status()).isEqualTo(404);
    assertThat(other.delete(base).status()).isEqualTo(404);
    assertThat(other.get("/session-templates").items()).isEmpty();

    JsonObject got = owner.api().get(base).json();
    assertThat(got.getString("name")).isEqualTo("Leg day");
    assertThat(got.getInteger("version")).isEqualTo(1);
    assertThat(names(got)).containsExactly("Back squat", "Romanian deadlift", "Walking lunge");
    assertThat(got.getJsonArray("exercises").getJsonObject(0).getInteger("targetSets")).isEqualTo(3);
  }

  @Test
  @DisplayName("an exercise id of another of the same trainer's templates is 404 under this one")
  void exerciseOfAnotherTemplate() {
    Trainer trainer = registerTrainer();
    String here = "/session-templates/" + createLegDay(trainer.api()).getString("id");
    String elsewhere = ids(createLegDay(trainer.api())).get(0);

    assertThat(trainer.api().patch(here + "/exercises/" + elsewhere, new JsonObject().put("targetSets", 9)).status())
        .isEqualTo(404);
    assertThat(trainer.api().delete(here + "/exercises/" + elsewhere).status()).isEqualTo(404);
    assertThat(trainer.api().delete(here + "/exercises/not-a-uuid").status()).isEqualTo(404);
    assertThat(stack.count("SELECT count(*) FROM exercise_template WHERE target_sets = 3")).isEqualTo(6);
  }

  @Test
  @DisplayName("deleting an exercise keeps the others' order; the next one added still goes last")
  void deleteExercise() {
    Trainer trainer = registerTrainer();
    JsonObject template = createLegDay(trainer.api());
    String base = "/session-templates/" + template.getString("id");

    assertThat(trainer.api().header("If-Match", "\"5\"").delete(base + "/exercises/" + ids(template).get(1)).status())
        .isEqualTo(409);
    assertThat(trainer.api().delete(base + "/exercises/" + ids(template).get(1)).status()).isEqualTo(204);
    trainer.api().post(base + "/exercises", exercise("Calf raise"));

    JsonObject got = trainer.api().get(base).json();
    assertThat(names(got)).containsExactly("Back squat", "Walking lunge", "Calf raise");
    assertThat(positions(got)).containsExactly(0, 2, 3);
  }

  @Test
  @DisplayName("deleting a template deletes its exercises")
  void deleteCascades() {
    Trainer trainer = registerTrainer();
    String id = createLegDay(trainer.api()).getString("id");
    createLegDay(trainer.api());

    assertThat(trainer.api().delete("/session-templates/" + id).status()).isEqualTo(204);

    assertThat(trainer.api().get("/session-templates/" + id).status()).isEqualTo(404);
    assertThat(trainer.api().get("/session-templates/" + id + "/exercises").status()).isEqualTo(404);
    assertThat(stack.count("SELECT count(*) FROM exercise_template WHERE session_template_id = '" + id + "'")).isZero();
    assertThat(stack.count("SELECT count(*) FROM exercise_template")).isEqualTo(3);
  }

  @Test
  @DisplayName("the list pages by name with a cursor, each template with its exercises, and finds by search text")
  void listAndSearch() {
    Trainer trainer = registerTrainer();
    for (String name : new String[] {"Push", "arms", "Pull", "Core", "Full body"}) {
      trainer.api().post("/session-templates", new JsonObject().put("name", name)
          .put("exercises", new JsonArray().add(exercise(name + " 1")).add(exercise(name + " 2"))));
    }
    List<String> seen = new ArrayList<>();
    Reply page = trainer.api().get("/session-templates?limit=2");
    while (true) {
      assertThat(page.items().size()).isLessThanOrEqualTo(2);
      for (Object item : page.items()) {
        JsonObject template = (JsonObject) item;
        seen.add(template.getString("name"));
        assertThat(names(template)).containsExactly(template.getString("name") + " 1", template.getString("name") + " 2");
      }
      String cursor = page.json().getString("nextCursor");
      if (cursor == null) {
        break;
      }
      page = trainer.api().get("/session-templates?limit=2&cursor=" + cursor);
    }
    assertThat(seen).containsExactly("arms", "Core", "Full body", "Pull", "Push");

    assertThat(trainer.api().get("/session-templates?q=pu").items()).hasSize(2);
    assertThat(trainer.api().get("/session-templates?limit=0").status()).isEqualTo(400);
    assertThat(trainer.api().get("/session-templates?cursor=bogus").status()).isEqualTo(400);
    String wrongShape = Base64.getUrlEncoder().encodeToString("[\"x\"]".getBytes(StandardCharsets.UTF_8));
    assertThat(trainer.api().get("/session-templates?cursor=" + wrongShape).status()).isEqualTo(400);
  }

  @Test
  @DisplayName("a template's exercise list pages in order with a cursor")
  void exercisePages() {
    Trainer trainer = registerTrainer();
    String base = "/session-templates/" + createLegDay(trainer.api()).getString("id") + "/exercises";

    Reply first = trainer.api().get(base + "?limit=2");
    assertThat(first.items().stream().map(e -> ((JsonObject) e).getString("exerciseName")))
        .containsExactly("Back squat", "Romanian deadlift");
    Reply second = trainer.api().get(base + "?limit=2&cursor=" + first.json().getString("nextCursor"));
    assertThat(second.items().stream().map(e -> ((JsonObject) e).getString("exerciseName")))
        .containsExactly("Walking lunge");
    assertThat(second.json().getString("nextCursor")).isNull();
  }
}
