package app.spotter.trainee;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.Api;
import app.spotter.support.ApiTest;
import app.spotter.support.Concurrently;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TraineeApiTest extends ApiTest {

  private static JsonObject fullTrainee() {
    return new JsonObject()
        .put("name", "Maria Lopez")
        .put("email", "maria@example.test")
        .put("phone", "+34 611 222 333")
        .put("dateOfBirth", "1990-04-02")
        .put("gender", "female")
        .put("height", 168.5)
        .put("currentWeight", 64.2)
        .put("bodyFatPercentage", 24.5)
        .put("restingHeartRate", 58)
        .put("fitnessLevel", "intermediate")
        .put("goals", new JsonArray().add(new JsonObject().put("text", "Deadlift 100 kg").put("targetDate", "2027-06-01")))
        .put("injuries", new JsonArray().add(new JsonObject().put("area", "left knee").put("note", "ACL 2019")))
        .put("medicalNotes", "asthma: inhaler in bag");
  }

  @Test
  @DisplayName("a created trainee comes back whole, with Location, ETag and version 1")
  void createAndGet() {
    Trainer trainer = registerTrainer();
    Reply created = trainer.api().post("/trainees", fullTrainee());

    assertThat(created.status()).isEqualTo(201);
    String id = created.json().getString("id");
    assertThat(created.header("Location")).isEqualTo("/api/v1/trainees/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    JsonObject got = trainer.api().get("/trainees/" + id).json();
    assertThat(got.getString("name")).isEqualTo("Maria Lopez");
    assertThat(got.getDouble("height")).isEqualTo(168.5);
    assertThat(got.getJsonArray("goals").getJsonObject(0).getString("text")).isEqualTo("Deadlift 100 kg");
    assertThat(got.getJsonArray("measurementHistory")).isEmpty();
    assertThat(got.getString("trainerId")).isEqualTo(trainer.id());
    assertThat(got.getInteger("version")).isEqualTo(1);
  }

  @Test
  @DisplayName("bad values are rejected with every offending field named, and nothing is stored")
  void validation() {
    Trainer trainer = registerTrainer();
    JsonObject bad = fullTrainee()
        .put("bodyFatPercentage", 150)
        .put("gender", "robot")
        .put("restingHeartRate", -3)
        .put("name", "x".repeat(201))
        .put("nickname", "unknown field");

    Reply reply = trainer.api().post("/trainees", bad);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).isEqualTo("application/problem+json");
    assertThat(reply.errorFields()).contains("bodyFatPercentage", "gender", "restingHeartRate", "name", "nickname");
    assertThat(stack.count("SELECT count(*) FROM trainee")).isZero();
  }

  @Test
  @DisplayName("malformed JSON and wrong types get 400, not 500")
  void malformed() {
    Trainer trainer = registerTrainer();
    assertThat(trainer.api().post("/trainees", "{\"name\": ").status()).isEqualTo(400);
    Reply wrongType = trainer.api().post("/trainees", new JsonObject().put("name", 42));
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.errorFields()).contains("name");
  }

  @Test
  @DisplayName("a missing body gets 400 and an over-long If-Match, not being the current ETag, 409; neither 500")
  void contractChecksOtherThanTheBody() {
    Trainer trainer = registerTrainer();
    String id = createTrainee(trainer.api(), "Ana");

    assertThat(trainer.api().post("/trainees", null).status()).isEqualTo(400);
    Reply longTag = trainer.api().header("If-Match", "\"" + "7".repeat(201) + "\"")
        .patch("/trainees/" + id, new JsonObject().put("name", "Ana B"));
    assertThat(longTag.status()).isEqualTo(409);
    assertThat(longTag.contentType()).isEqualTo("application/problem+json");
    assertThat(trainer.api().get("/trainees/" + id).json().getString("name")).isEqualTo("Ana");
  }

  @Test
  @DisplayName("a body of more than 16 KiB is checked as fully as a small one")
  void largeBodyChecked() {
    Trainer trainer = registerTrainer();
    JsonArray goals = new JsonArray();
    for (int i = 0; i < 20; i++) {
      goals.add(new JsonObject().put("text", "g".repeat(1_000)));
    }
    JsonObject bad = fullTrainee().put("goals", goals).put("nickname", "a field the contract does not have");

    Reply reply = trainer.api().post("/trainees", bad);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorFields()).contains("nickname");
    bad.remove("nickname");
    assertThat(trainer.api().post("/trainees", bad).status()).isEqualTo(201);
  }

  @Test
  @DisplayName("a body over 1 MiB gets 413")
  void tooLarge() {
    Trainer trainer = registerTrainer();
    String huge = new JsonObject().put("name", "A").put("medicalNotes", "x".repeat(1_100_000)).encode();
    Reply reply = trainer.api().post("/trainees", huge);
    assertThat(reply.status()).isEqualTo(413);
    assertThat(stack.count("SELECT count(*) FROM trainee")).isZero();
  }

  @Test
  @DisplayName("PATCH changes only the fields sent; null clears; a stale If-Match gets 409")
  void patch() {
    Trainer trainer = registerTrainer();
    String id = trainer.api().post("/trainees", fullTrainee()).json().getString("id");

    Reply patched = trainer.api().header("If-Match", "\"1\"")
        .patch("/trainees/" + id, new JsonObject().put("phone", (String) null).put("fitnessLevel", "advanced"));
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().getString("phone")).isNull();
    assertThat(patched.json().getString("fitnessLevel")).isEqualTo("advanced");
    assertThat(patched.json().getString("email")).isEqualTo("maria@example.test");
    assertThat(patched.json().getInteger("version")).isEqualTo(2);

    Reply stale = trainer.api().header("If-Match", "\"1\"").patch("/trainees/" + id, new JsonObject().put("name", "X"));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(trainer.api().get("/trainees/" + id).json().getString("name")).isEqualTo("Maria Lopez");
  }

  @Test
  @DisplayName("a measurement joins the history and becomes current; a back-dated one only joins the history")
  void measurements() {
    Trainer trainer = registerTrainer();
    String id = trainer.api().post("/trainees", fullTrainee()).json().getString("id");

    Reply now = trainer.api().post("/trainees/" + id + "/measurements",
        new JsonObject().put("weight", 63.0).put("bodyFatPercentage", 23.0)
            .put("girths", new JsonObject().put("waist", 71.5)));
    assertThat(now.status()).isEqualTo(201);
    assertThat(now.json().getDouble("currentWeight")).isEqualTo(63.0);

    Reply old = trainer.api().post("/trainees/" + id + "/measurements",
        new JsonObject().put("measuredAt", "2020-01-01T08:00:00Z").put("weight", 70.0));
    assertThat(old.status()).isEqualTo(201);
    JsonObject trainee = old.json();
    assertThat(trainee.getDouble("currentWeight")).isEqualTo(63.0);
    JsonArray history = trainee.getJsonArray("measurementHistory");
    assertThat(history).hasSize(2);
    assertThat(history.getJsonObject(0).getDouble("weight")).isEqualTo(70.0);
  }

  @Test
  @DisplayName("ten measurements posted at once all land (no If-Match means no 409)")
  void concurrentMeasurements() throws Exception {
    Trainer trainer = registerTrainer();
    String id = createTrainee(trainer.api(), "Busy Bee");
    List<Integer> statuses = Concurrently.run(10, i -> trainer.api().post("/trainees/" + id + "/measurements",
        new JsonObject().put("weight", 60 + i)).status());

    assertThat(statuses).containsOnly(201);
    assertThat(trainer.api().get("/trainees/" + id).json().getJsonArray("measurementHistory")).hasSize(10);
  }

  @Test
  @DisplayName("the list pages by name with a cursor and finds by search text")
  void listAndSearch() {
    Trainer trainer = registerTrainer();
    for (String name : new String[] {"Eve", "Bob", "alice", "Dan", "Carol"}) {
      createTrainee(trainer.api(), name);
    }
    Reply first = trainer.api().get("/trainees?limit=2");
    assertThat(first.items().stream().map(t -> ((JsonObject) t).getString("name"))).containsExactly("alice", "Bob");
    Set<String> seen = new HashSet<>();
    String cursor = first.json().getString("nextCursor");
    first.items().forEach(t -> seen.add(((JsonObject) t).getString("name")));
    while (cursor != null) {
      Reply page = trainer.api().get("/trainees?limit=2&cursor=" + cursor);
      page.items().forEach(t -> seen.add(((JsonObject) t).getString("name")));
      cursor = page.json().getString("nextCursor");
    }
    assertThat(seen).containsExactlyInAnyOrder("Eve", "Bob", "alice", "Dan", "Carol");

    assertThat(trainer.api().get("/trainees?q=aro").items()).hasSize(1);
    assertThat(trainer.api().get("/trainees?q=_").items()).as("LIKE wildcards are taken literally").isEmpty();
    assertThat(trainer.api().get("/trainees?limit=500").status()).isEqualTo(400);
    assertThat(trainer.api().get("/trainees?cursor=bogus").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("paging one by one neither skips nor repeats: names equal but for case, and letters beyond ASCII")
  void pagesWithoutSkipOrRepeat() {
    Trainer trainer = registerTrainer();
    List<String> names = List.of("Bob", "bob", "BOB", "İlkay", "Ilse", "Ärger", "ärger", "Öz", "Zoe", "zoë");
    names.forEach(name -> createTrainee(trainer.api(), name));
    List<String> inOnePage = namesOf(trainer.api().allPages("/trainees?limit=200"));
    List<String> walked = namesOf(trainer.api().allPages("/trainees?limit=1"));

    assertThat(inOnePage).hasSize(names.size());
    assertThat(walked).containsExactlyElementsOf(inOnePage);
  }

  @Test
  @DisplayName("If-Match: * is unconditional; an ETag the server never issued matches nothing and gets 409")
  void ifMatchStarAndGarbage() {
    Trainer trainer = registerTrainer();
    String id = createTrainee(trainer.api(), "Ana");
    assertThat(trainer.api().patch("/trainees/" + id, new JsonObject().put("name", "Ana B")).status()).isEqualTo(200);

    Reply star = trainer.api().header("If-Match", "*").patch("/trainees/" + id, new JsonObject().put("name", "Ana C"));
    assertThat(star.status()).isEqualTo(200);
    assertThat(star.header("ETag")).isEqualTo("\"3\"");
    for (String garbage : new String[] {"\"abc\"", "not-an-etag", "\"-1\""}) {
      Api unmatched = trainer.api().header("If-Match", garbage);
      assertThat(unmatched.patch("/trainees/" + id, new JsonObject().put("name", "Lost")).status()).as(garbage)
          .isEqualTo(409);
      assertThat(unmatched.delete("/trainees/" + id).status()).as(garbage).isEqualTo(409);
    }
    assertThat(trainer.api().get("/trainees/" + id).json().getString("name")).isEqualTo("Ana C");

    assertThat(trainer.api().header("If-Match", "*").delete("/trainees/" + id).status()).isEqualTo(204);
  }

  @Test
  @DisplayName("another trainer's trainee is 404 for read, update and delete, and stays untouched")
  void tenancy() {
    Trainer owner = registerTrainer();
    Trainer other = registerTrainer();
    String id = createTrainee(owner.api(), "Private Person");

    assertThat(other.api().get("/trainees/" + id).status()).isEqualTo(404);
    assertThat(other.api().patch("/trainees/" + id, new JsonObject().put("name", "Hacked")).status()).isEqualTo(404);
    assertThat(other.api().post("/trainees/" + id + "/measurements", new JsonObject().put("weight", 1)).status())
        .isEqualTo(404);
    assertThat(other.api().delete("/trainees/" + id).status()).isEqualTo(404);
    assertThat(other.api().get("/trainees").items()).isEmpty();
    assertThat(owner.api().get("/trainees/" + id).json().getString("name")).isEqualTo("Private Person");
  }

  @Test
  @DisplayName("unknown and malformed ids get 404")
  void unknownIds() {
    Trainer trainer = registerTrainer();
    assertThat(trainer.api().get("/trainees/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
    assertThat(trainer.api().get("/trainees/not-a-uuid").status()).isEqualTo(404);
    assertThat(trainer.api().get("/trainees/-1").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("delete answers 204 and the trainee is gone")
  void delete() {
    Trainer trainer = registerTrainer();
    String id = createTrainee(trainer.api(), "Leaving Soon");
    assertThat(trainer.api().header("If-Match", "\"7\"").delete("/trainees/" + id).status()).isEqualTo(409);
    assertThat(trainer.api().delete("/trainees/" + id).status()).isEqualTo(204);
    assertThat(trainer.api().get("/trainees/" + id).status()).isEqualTo(404);
  }

  private static List<String> namesOf(List<JsonObject> trainees) {
    return trainees.stream().map(t -> t.getString("name")).toList();
  }
}
