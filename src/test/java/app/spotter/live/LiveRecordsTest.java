package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.LiveClient;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Personal records kept as sets are logged: in set events for every role, replayed on changes, in the summary and the outbox. */
class LiveRecordsTest extends LiveTest {

  /** Maria's earlier squat session: 100 kg × 5 at RPE 10 (e1RM 115.9). */
  private String pastSquat() {
    Reply reply = trainer.api().post("/session-records", new JsonObject().put("traineeId", traineeId)
        .put("sessionDate", "2026-11-01").put("status", "completed").put("exercises", new JsonArray().add(
            new JsonObject().put("exerciseName", "squat").put("sets", new JsonArray().add(new JsonObject()
                .put("id", "p1").put("reps", 5).put("weight", 100).put("unit", "kg"))))));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().getString("id");
  }

  private static JsonObject squatSet(String exercise, String id, String kind, int reps, double weight) {
    return new JsonObject().put("exerciseRecordId", exercise).put("setId", id).put("kind", kind).put("reps", reps)
        .put("weight", weight).put("unit", "kg");
  }

  private JsonObject nextEvent(LiveClient client, String name) {
    return client.next(m -> "event".equals(m.getString("type")) && name.equals(m.getString("name")));
  }

  private static List<String> kinds(JsonObject payload) {
    return payload.getJsonArray("records", new JsonArray()).stream().map(r -> ((JsonObject) r).getString("kind")).toList();
  }

  private JsonObject currentSquat() {
    JsonArray items = trainer.api().get("/trainees/" + traineeId + "/records").json().getJsonArray("items");
    return items.stream().map(JsonObject.class::cast).filter(i -> i.getString("exerciseName").equalsIgnoreCase("squat"))
        .findFirst().orElseThrow();
  }

  @Test
  @DisplayName("a heavier set carries its records in set-logged to the trainer, the trainee and the display")
  void heavierSetEveryRole() {
    startSession();
    pastSquat();
    LiveClient tablet = trainerSocket(stack.port);
    LiveClient phone = traineeSocket(stack.port);
    LiveClient wall = displaySocket(stack.port);
    List.of(tablet, phone, wall).forEach(s -> s.subscribe(sessionId, null));

    ack(tablet, "log-set", squatSet(squat, "s1", "working", 5, 110));

    for (LiveClient client : List.of(tablet, phone, wall)) {
      JsonObject payload = nextEvent(client, "set-logged").getJsonObject("payload");
      assertThat(kinds(payload)).as("110 × 5 beats 100 × 5 on e1RM and weight; nothing was lifted at 110 before")
          .containsExactly("e1rm", "weight");
      JsonObject weight = payload.getJsonArray("records").getJsonObject(1);
      assertThat(weight.getDouble("value")).isEqualTo(110.0);
      assertThat(weight.getDouble("previous")).isEqualTo(100.0);
      assertThat(weight.getString("unit")).isEqualTo("kg");
      assertThat(weight.getString("exerciseName")).isEqualTo("Squat");
      assertThat(weight.getInteger("reps")).isEqualTo(5);
      // 110 / p(5) = 110 / 0.863
      assertThat(weight.getDouble("e1rm")).isEqualTo(127.5);
    }
  }

  @Test
  @DisplayName("a warm-up never sets a record, however heavy; a first set of an exercise is a baseline, not a record")
  void warmUpsAndBaselines() {
    startSession();
    LiveClient tablet = trainerSocket(stack.port);
    tablet.subscribe(sessionId, null);

    ack(tablet, "log-set", squatSet(squat, "w", "warmup", 5, 300));
    ack(tablet, "log-set", squatSet(squat, "first", "working", 5, 100));
    ack(tablet, "log-set", squatSet(squat, "second", "working", 5, 102.5));

    assertThat(nextEvent(tablet, "set-logged").getJsonObject("payload").containsKey("records")).isFalse();
    assertThat(nextEvent(tablet, "set-logged").getJsonObject("payload").containsKey("records")).isFalse();
    assertThat(kinds(nextEvent(tablet, "set-logged").getJsonObject("payload"))).as("nothing at 102.5 before: no reps record")
        .containsExactly("e1rm", "weight");
    assertThat(currentSquat().getJsonObject("weight").getDouble("value")).isEqualTo(102.5);
  }

  @Test
  @DisplayName("a reps record at a weight: more reps than ever at that weight or heavier")
  void repsAtWeight() {
    startSession();
    pastSquat();
    LiveClient tablet = trainerSocket(stack.port);
    tablet.subscribe(sessionId, null);

    ack(tablet, "log-set", squatSet(squat, "s1", "working", 6, 100));

    JsonObject payload = nextEvent(tablet, "set-logged").getJsonObject("payload");
    JsonObject reps = payload.getJsonArray("records").stream().map(JsonObject.class::cast)
        .filter(r -> r.getString("kind").equals("reps")).findFirst().orElseThrow();
    assertThat(reps.getInteger("value")).isEqualTo(6);
    assertThat(reps.getInteger("previous")).isEqualTo(5);
    assertThat(kinds(payload)).doesNotContain("weight");
  }

  @Test
  @DisplayName("lowering the set that holds a record replays the exercise: the records go back to the previous best")
  void updateRecomputes() {
    startSession();
    pastSquat();
    LiveClient tablet = trainerSocket(stack.port);
    tablet.subscribe(sessionId, null);
    ack(tablet, "log-set", squatSet(squat, "s1", "working", 5, 110));
    assertThat(currentSquat().getJsonObject("weight").getDouble("value")).isEqualTo(110.0);

    ack(tablet, "update-set", new JsonObject().put("exerciseRecordId", squat).put("setId", "s1").put("weight", 90));

    nextEvent(tablet, "set-logged");
    JsonObject updated = nextEvent(tablet, "set-updated").getJsonObject("payload");
    assertThat(updated.getJsonArray("records")).isEmpty();
    JsonObject current = currentSquat();
    assertThat(current.getJsonObject("weight").getDouble("value")).isEqualTo(100.0);
    assertThat(current.getJsonObject("e1rm").getDouble("value")).isEqualTo(115.9);
    assertThat(trainer.api().get("/session-records/" + sessionId + "/summary").json().getJsonArray("records")).isEmpty();
  }

  @Test
  @DisplayName("deleting the set that holds a record replays the exercise")
  void deleteRecomputes() {
    startSession();
    pastSquat();
    LiveClient tablet = trainerSocket(stack.port);
    ack(tablet, "log-set", squatSet(squat, "s1", "working", 5, 110));
    ack(tablet, "log-set", squatSet(squat, "s2", "working", 5, 105));

    ack(tablet, "delete-set", new JsonObject().put("exerciseRecordId", squat).put("setId", "s1"));

    assertThat(currentSquat().getJsonObject("weight").getDouble("value")).as("s2 now holds it").isEqualTo(105.0);
    JsonArray records = trainer.api().get("/session-records/" + sessionId + "/summary").json().getJsonArray("records");
    assertThat(records.stream().map(r -> ((JsonObject) r).getString("setId")).distinct().toList()).containsExactly("s2");
  }

  @Test
  @DisplayName("the summary lists the session's records; pr.achieved is queued once per record-setting set")
  void summaryAndWebhook() {
    startSession();
    pastSquat();
    assertThat(trainer.api().post("/webhooks", new JsonObject().put("url", "http://127.0.0.1:9/hook")
        .put("events", new JsonArray().add("pr.achieved"))).status()).isEqualTo(201);
    LiveClient tablet = trainerSocket(stack.port);

    ack(tablet, "log-set", squatSet(squat, "s1", "working", 5, 110));
    ack(tablet, "log-set", squatSet(squat, "s2", "working", 5, 90));

    JsonArray records = trainer.api().get("/session-records/" + sessionId + "/summary").json().getJsonArray("records");
    assertThat(records.stream().map(r -> ((JsonObject) r).getString("kind")).toList()).containsExactly("e1rm", "weight");
    assertThat(records.getJsonObject(1).getDouble("previous")).isEqualTo(100.0);
    assertThat(stack.count("SELECT count(*) FROM webhook_event WHERE type = 'pr.achieved'")).isEqualTo(1);
    JsonObject data = new JsonObject(stack.pool().query("SELECT body FROM webhook_event WHERE type = 'pr.achieved'")
        .execute().await().iterator().next().getString(0)).getJsonObject("data");
    assertThat(data.getString("setId")).isEqualTo("s1");
    assertThat(data.getString("traineeId")).isEqualTo(traineeId);
    assertThat(data.getJsonArray("records").getJsonObject(1))
        .isEqualTo(new JsonObject().put("kind", "weight").put("value", 110.0).put("previous", 100.0));
  }

  @Test
  @DisplayName("GET /trainees/{id}/records: the trainee reads their own, another trainer gets 404")
  void recordsEndpoint() {
    startSession();
    pastSquat();

    JsonObject own = trainer.api().get("/trainees/" + traineeId + "/records").json();
    assertThat(own.getJsonArray("items")).hasSize(1);
    assertThat(own.getJsonArray("items").getJsonObject(0).getJsonArray("repMaxes").getJsonObject(0).getDouble("weight"))
        .isEqualTo(100.0);
    assertThat(registerTrainer().api().get("/trainees/" + traineeId + "/records").status()).isEqualTo(404);
  }
}
