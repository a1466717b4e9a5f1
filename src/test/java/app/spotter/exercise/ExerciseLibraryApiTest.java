package app.spotter.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.Api;
import app.spotter.support.ApiTest;
import app.spotter.support.LiveFixtures;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExerciseLibraryApiTest extends ApiTest {

  private static List<JsonObject> search(Api api, String query) {
    Reply reply = api.get("/exercises?limit=200&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.items().stream().map(JsonObject.class::cast).toList();
  }

  private static List<String> names(List<JsonObject> items) {
    return items.stream().map(e -> e.getString("name")).toList();
  }

  private static List<String> ids(List<JsonObject> items) {
    return items.stream().map(e -> e.getString("id")).toList();
  }

  private static JsonObject custom(String name) {
    return new JsonObject().put("name", name).put("category", "strength").put("equipment", "barbell")
        .put("primaryMuscles", new JsonArray().add("chest")).put("secondaryMuscles", new JsonArray().add("triceps"));
  }

  private static JsonObject created(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json();
  }

  @Test
  @DisplayName("the whole library is there, by name, each entry in the contract's shape")
  void wholeLibrary() {
    Api api = registerTrainer().api();

    List<JsonObject> all = api.allPages("/exercises?limit=200");

    assertThat(all).hasSize(873);
    assertThat(new HashSet<>(ids(all))).hasSize(873);
    JsonObject squat = api.get("/exercises/Barbell_Full_Squat").json();
    assertThat(squat.fieldNames()).contains("id", "name", "category", "equipment", "level", "force", "mechanic",
        "primaryMuscles", "secondaryMuscles", "custom");
    assertThat(squat.getString("name")).isEqualTo("Barbell Full Squat");
    assertThat(squat.getJsonArray("primaryMuscles")).containsExactly("quadriceps");
    assertThat(squat.getBoolean("custom")).isFalse();
  }

  @Test
  @DisplayName("search ignores case and accents: squat, SQUAT and sqùat find the same exercises, squats first")
  void caseAndAccents() {
    Api api = registerTrainer().api();

    List<JsonObject> lower = search(api, "squat");

    assertThat(lower).isNotEmpty();
    assertThat(ids(search(api, "SQUAT"))).isEqualTo(ids(lower));
    assertThat(ids(search(api, "sqùat"))).isEqualTo(ids(lower));
    assertThat(names(lower)).contains("Barbell Full Squat");
    assertThat(lower.get(0).getString("name")).startsWith("Squat");
  }

  @Test
  @DisplayName("a custom name with accents is found without them, and the other way round")
  void accentedCustom() {
    Api api = registerTrainer().api();
    created(api.post("/exercises", custom("Développé couché")));

    assertThat(names(search(api, "developpe"))).first().isEqualTo("Développé couché");
    assertThat(names(search(api, "DÉVELOPPÉ COU"))).first().isEqualTo("Développé couché");
  }

  @Test
  @DisplayName("a typo still finds: sqaut finds squats, dumbel curl finds dumbbell curls")
  void typos() {
    Api api = registerTrainer().api();

    assertThat(names(search(api, "sqaut"))).contains("Barbell Full Squat", "Goblet Squat", "Box Squat");
    assertThat(names(search(api, "dumbel curl"))).contains("Incline Dumbbell Curl");
    assertThat(search(api, "xqzv")).isEmpty();
  }

  @Test
  @DisplayName("bench ranks names that start with Bench first, then names with a word starting with it")
  void prefixFirst() {
    Api api = registerTrainer().api();

    List<String> names = names(search(api, "bench"));

    int firstOther = 0;
    while (names.get(firstOther).startsWith("Bench")) {
      firstOther++;
    }
    assertThat(firstOther).as(names.toString()).isGreaterThan(2);
    assertThat(names.subList(firstOther, names.size())).noneMatch(n -> n.startsWith("Bench"));
    assertThat(names.subList(firstOther, names.size())).contains("Dumbbell Bench Press");
    assertThat(names(search(api, "bench pr")).get(0)).startsWith("Bench Press");
  }

  @Test
  @DisplayName("filters combine with each other and with the search text")
  void filters() {
    Api api = registerTrainer().api();

    List<JsonObject> chestDumbbell = api.allPages("/exercises?limit=200&muscle=chest&equipment=dumbbell");
    List<JsonObject> pressed = api.allPages("/exercises?limit=200&muscle=chest&equipment=dumbbell&category=strength&q=press");

    assertThat(chestDumbbell).isNotEmpty().allSatisfy(e -> {
      assertThat(e.getJsonArray("primaryMuscles")).contains("chest");
      assertThat(e.getString("equipment")).isEqualTo("dumbbell");
    });
    assertThat(pressed).isNotEmpty().hasSizeLessThan(chestDumbbell.size())
        .allSatisfy(e -> assertThat(e.getString("category")).isEqualTo("strength"));
    assertThat(names(pressed)).contains("Dumbbell Bench Press");
    Reply bad = api.get("/exercises?muscle=wings");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorFields()).containsExactly("muscle");
  }

  @Test
  @DisplayName("paging a ranked search page by page gives the one-page result, in order, without repeats")
  void paging() {
    Api api = registerTrainer().api();

    List<String> onePage = ids(search(api, "press"));
    List<String> paged = ids(api.allPages("/exercises?limit=7&q=press"));

    assertThat(onePage.size()).isGreaterThan(14);
    assertThat(paged).isEqualTo(onePage);
    assertThat(api.get("/exercises?cursor=bm9wZQ").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("a custom exercise: 201 with Location, found by its trainer and their trainee only, editable and deletable")
  void customLifecycle() {
    Trainer trainer = registerTrainer();
    Trainer other = registerTrainer();
    Reply reply = trainer.api().post("/exercises", custom("Landmine press"));
    JsonObject landmine = created(reply);
    String id = landmine.getString("id");
    String traineeToken = LiveFixtures.traineeToken(trainer, createTrainee(trainer.api(), "Maria Lopez"));
    Api trainee = trainer.api().as(traineeToken);

    assertThat(reply.header("Location")).isEqualTo("/api/v1/exercises/" + id);
    assertThat(landmine.getBoolean("custom")).isTrue();
    assertThat(names(search(trainer.api(), "landmine pr"))).first().isEqualTo("Landmine press");
    assertThat(names(search(trainee, "landmine pr"))).first().isEqualTo("Landmine press");
    assertThat(names(search(other.api(), "landmine pr"))).doesNotContain("Landmine press");
    assertThat(other.api().get("/exercises/" + id).status()).isEqualTo(404);
    assertThat(trainee.post("/exercises", custom("Mine")).status()).isEqualTo(403);

    Reply renamed = trainer.api().header("If-Match", reply.header("ETag"))
        .patch("/exercises/" + id, new JsonObject().put("name", "Landmine press (half kneeling)").putNull("equipment"));
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    assertThat(renamed.json().getString("name")).isEqualTo("Landmine press (half kneeling)");
    assertThat(renamed.json().getString("equipment")).isNull();
    assertThat(trainer.api().header("If-Match", reply.header("ETag"))
        .patch("/exercises/" + id, new JsonObject().put("name", "Stale")).status()).isEqualTo(409);

    assertThat(trainer.api().delete("/exercises/" + id).status()).isEqualTo(204);
    assertThat(trainer.api().get("/exercises/" + id).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("a custom exercise a session was logged with is kept (409): its records are filed under its id")
  void customInHistoryIsKept() {
    Trainer trainer = registerTrainer();
    String id = created(trainer.api().post("/exercises", custom("Sled drag"))).getString("id");
    String trainee = createTrainee(trainer.api(), "Maria Lopez");
    Reply logged = trainer.api().post("/session-records", new JsonObject().put("traineeId", trainee)
        .put("sessionDate", "2026-11-20").put("status", "completed").put("exercises", new io.vertx.core.json.JsonArray()
            .add(new JsonObject().put("exerciseName", "Sled drag").put("exerciseId", id))));
    assertThat(logged.status()).as(logged.toString()).isEqualTo(201);

    Reply refused = trainer.api().delete("/exercises/" + id);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().getString("detail")).contains("rename it instead");
    assertThat(trainer.api().get("/exercises/" + id).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("library entries are read-only (403); another trainer's custom is not found (404)")
  void notYours() {
    Trainer trainer = registerTrainer();
    Trainer other = registerTrainer();
    String theirs = created(other.api().post("/exercises", custom("Their press"))).getString("id");

    assertThat(trainer.api().patch("/exercises/Barbell_Full_Squat", new JsonObject().put("name", "Mine")).status())
        .isEqualTo(403);
    assertThat(trainer.api().delete("/exercises/Barbell_Full_Squat").status()).isEqualTo(403);
    assertThat(trainer.api().patch("/exercises/" + theirs, new JsonObject().put("name", "Mine")).status()).isEqualTo(404);
    assertThat(trainer.api().delete("/exercises/" + theirs).status()).isEqualTo(404);
    assertThat(other.api().get("/exercises/" + theirs).json().getString("name")).isEqualTo("Their press");
    assertThat(trainer.api().get("/exercises/Barbell_Full_Squat").json().getString("name")).isEqualTo("Barbell Full Squat");
  }

  @Test
  @DisplayName("custom names are unique per trainer, ignoring case and accents (409), and values come from the library's sets")
  void customRules() {
    Trainer trainer = registerTrainer();
    created(trainer.api().post("/exercises", custom("Développé couché")));

    Reply duplicate = trainer.api().post("/exercises", custom("DEVELOPPE COUCHE"));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().getString("detail")).contains("already have an exercise of this name");
    created(registerTrainer().api().post("/exercises", custom("Développé couché")));
    Reply bad = trainer.api().post("/exercises", custom("Flyes").put("category", "bodybuilding")
        .put("primaryMuscles", new JsonArray().add("pecs")));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorFields()).contains("category", "primaryMuscles[0]");
  }
}
