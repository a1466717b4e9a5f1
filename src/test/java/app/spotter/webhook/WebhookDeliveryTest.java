package app.spotter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.ExtraSpotter;
import app.spotter.support.LiveClient;
import app.spotter.support.LiveFixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Deliveries to a real receiver on 127.0.0.1, sent by instances started here (the shared test stack
 * sends none), each retrying after 0.2 s, 0.4 s, … (SPOTTER_WEBHOOKS_RETRY_BASE in TestStack).
 */
class WebhookDeliveryTest extends ApiTest {
  private static final Map<String, String> DELIVERING = Map.of("SPOTTER_WEBHOOKS_DELIVER", "true");
  private final List<ExtraSpotter> instances = new ArrayList<>();
  private Receiver receiver;
  private Trainer trainer;

  @BeforeEach
  void receiverAndTrainer() {
    receiver = Receiver.start(stack.vertx);
    trainer = registerTrainer();
  }

  @AfterEach
  void stop() {
    instances.forEach(ExtraSpotter::close);
    receiver.close();
  }

  private ExtraSpotter deliverer(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(DELIVERING);
    env.putAll(overrides);
    ExtraSpotter instance = ExtraSpotter.start(env);
    instances.add(instance);
    return instance;
  }

  private JsonObject subscribe(String... events) {
    JsonObject body = new JsonObject().put("url", receiver.url()).put("events", new JsonArray(List.of((Object[]) events)));
    return trainer.api().post("/webhooks", body).json();
  }

  private JsonArray log(String webhookId) {
    return trainer.api().get("/webhooks/" + webhookId + "/deliveries").json().getJsonArray("items");
  }

  private static String traineeOf(Receiver.Received request) {
    return request.json().getJsonObject("data").getString("traineeId");
  }

  @Test
  @DisplayName("a delivery carries the Standard Webhooks headers, a signature the receiver can check, and no private notes")
  void signedDelivery() throws Exception {
    deliverer(Map.of());
    JsonObject webhook = subscribe("trainee.created");
    String trainee = trainer.api().post("/trainees", new JsonObject().put("name", "Alex Morgan")
        .put("medicalNotes", "asthma").put("fitnessLevel", "beginner")).json().getString("id");

    Receiver.Received request = receiver.await(1).get(0);

    assertThat(request.signature()).isEqualTo(request.expectedSignature(webhook.getString("secret")));
    assertThat(Long.parseLong(request.timestamp())).isBetween(Instant.now().getEpochSecond() - 60,
        Instant.now().getEpochSecond() + 1);
    assertThat(request.contentType()).isEqualTo("application/json");
    JsonObject body = request.json();
    assertThat(body.fieldNames()).containsExactlyInAnyOrder("type", "timestamp", "data");
    assertThat(body.getString("type")).isEqualTo("trainee.created");
    assertThat(Instant.parse(body.getString("timestamp"))).isBefore(Instant.now().plusSeconds(1));
    assertThat(body.getJsonObject("data")).isEqualTo(new JsonObject().put("traineeId", trainee)
        .put("name", "Alex Morgan").put("fitnessLevel", "beginner"));
    assertThat(request.body()).doesNotContain("asthma");
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() ->
        "delivered".equals(log(webhook.getString("id")).getJsonObject(0).getString("status")));
    assertThat(log(webhook.getString("id")).getJsonObject(0).getString("eventId")).isEqualTo(request.id());
  }

  @Test
  @DisplayName("a receiver that fails twice gets the event three times with one webhook-id, and then no more")
  void retriedUntilAnswered() throws InterruptedException {
    deliverer(Map.of());
    receiver.answer(500, 503);
    JsonObject webhook = subscribe("trainee.created");
    createTrainee(trainer.api(), "Sam");

    List<Receiver.Received> requests = receiver.await(3);
    Thread.sleep(2_000);

    assertThat(receiver.received()).hasSize(3);
    assertThat(requests).extracting(Receiver.Received::id).containsOnly(requests.get(0).id());
    assertThat(requests).extracting(Receiver.Received::body).containsOnly(requests.get(0).body());
    JsonObject delivery = log(webhook.getString("id")).getJsonObject(0);
    assertThat(delivery.getString("status")).isEqualTo("delivered");
    assertThat(delivery.getValue("nextAttemptAt")).isNull();
    assertThat(delivery.getJsonArray("attempts").stream().map(a -> ((JsonObject) a).getInteger("statusCode")))
        .containsExactly(500, 503, 204);
  }

  @Test
  @DisplayName("a receiver that does not answer within 10 s has its attempt logged as a timeout and gets the event again")
  void timeout() {
    deliverer(Map.of());
    receiver.answer(Receiver.HANG);
    JsonObject webhook = subscribe("trainee.created");
    createTrainee(trainer.api(), "Sam");

    List<Receiver.Received> requests = receiver.await(2);

    assertThat(requests.get(1).id()).isEqualTo(requests.get(0).id());
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() ->
        "delivered".equals(log(webhook.getString("id")).getJsonObject(0).getString("status")));
    JsonObject first = log(webhook.getString("id")).getJsonObject(0).getJsonArray("attempts").getJsonObject(0);
    assertThat(first.getString("error")).startsWith("timeout");
    assertThat(first.getInteger("durationMs")).isBetween(WebhookSender.TIMEOUT_MS, WebhookSender.TIMEOUT_MS + 2_000);
  }

  @Test
  @DisplayName("an endpoint gets its events in order: the next waits until the one before is delivered")
  void inOrderPerEndpoint() {
    deliverer(Map.of());
    receiver.answer(500, 500);
    subscribe("trainee.created");
    String first = createTrainee(trainer.api(), "First");
    String second = createTrainee(trainer.api(), "Second");
    String third = createTrainee(trainer.api(), "Third");

    List<Receiver.Received> requests = receiver.await(5);

    assertThat(requests).extracting(WebhookDeliveryTest::traineeOf)
        .containsExactly(first, first, first, second, third);
  }

  @Test
  @DisplayName("with two instances sending, each event is delivered once")
  void twoInstancesDeliverOnce() throws InterruptedException {
    deliverer(Map.of());
    deliverer(Map.of());
    JsonObject webhook = subscribe("trainee.created");
    Set<String> trainees = new HashSet<>();
    for (int i = 0; i < 12; i++) {
      trainees.add(createTrainee(trainer.api(), "Trainee " + i));
    }

    receiver.await(12);
    Thread.sleep(1_500);

    List<Receiver.Received> requests = receiver.received();
    assertThat(requests).hasSize(12);
    assertThat(requests.stream().map(Receiver.Received::id).collect(Collectors.toSet())).hasSize(12);
    assertThat(requests.stream().map(WebhookDeliveryTest::traineeOf).collect(Collectors.toSet())).isEqualTo(trainees);
    assertThat(log(webhook.getString("id"))).allSatisfy(d ->
        assertThat(((JsonObject) d).getJsonArray("attempts")).hasSize(1));
  }

  @Test
  @DisplayName("an instance stopped while sending loses nothing: the next one started delivers the event, same webhook-id")
  void restartLosesNothing() {
    ExtraSpotter first = deliverer(Map.of());
    receiver.answer(Receiver.HANG);
    JsonObject webhook = subscribe("trainee.created");
    createTrainee(trainer.api(), "Sam");
    Receiver.Received unanswered = receiver.await(1).get(0);

    first.close();
    assertThat(log(webhook.getString("id")).getJsonObject(0).getString("status")).isEqualTo("pending");
    deliverer(Map.of());

    Receiver.Received delivered = receiver.await(2).get(1);
    assertThat(delivered.id()).isEqualTo(unanswered.id());
    assertThat(delivered.body()).isEqualTo(unanswered.body());
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() ->
        "delivered".equals(log(webhook.getString("id")).getJsonObject(0).getString("status")));
  }

  @Test
  @DisplayName("a deleted webhook gets nothing more, not even the retries it was waiting for")
  void deletionStopsDeliveries() throws InterruptedException {
    // Retries a second apart, so the deletion certainly comes between two attempts.
    deliverer(Map.of("SPOTTER_WEBHOOKS_RETRY_BASE", "PT1S"));
    receiver.otherwise(500);
    JsonObject webhook = subscribe("trainee.created");
    createTrainee(trainer.api(), "Sam");
    receiver.await(1);
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() ->
        log(webhook.getString("id")).getJsonObject(0).getJsonArray("attempts").size() == 1);

    assertThat(trainer.api().delete("/webhooks/" + webhook.getString("id")).status()).isEqualTo(204);
    Thread.sleep(3_500);

    assertThat(receiver.received()).hasSize(1);
  }

  @Test
  @DisplayName("starting a live session, ending it and logging a past session each send their event")
  void sessionEvents() {
    ExtraSpotter instance = deliverer(Map.of());
    subscribe("session.started", "session.ended", "record.created");
    String trainee = createTrainee(trainer.api(), "Sam");
    String session = trainer.api().post("/live-sessions", new JsonObject().put("traineeId", trainee).put("location", "Studio A"))
        .json().getString("id");
    try (LiveClient socket = instance.connect().hello(trainer.api().token(), "tablet")) {
      JsonObject ack = socket.command(session, "end-session", new JsonObject().put("status", "completed"));
      assertThat(ack.getString("type")).isEqualTo("ack");
    }
    String record = trainer.api().post("/session-records", new JsonObject().put("traineeId", trainee)
        .put("sessionDate", "2025-11-18").put("trainerNotes", "knees caved in")).json().getString("id");

    List<Receiver.Received> requests = receiver.await(3);

    assertThat(requests).extracting(r -> r.json().getString("type"))
        .containsExactly("session.started", "session.ended", "record.created");
    assertThat(requests.get(0).json().getJsonObject("data")).isEqualTo(new JsonObject().put("sessionRecordId", session)
        .put("traineeId", trainee).put("trainingSessionId", null).put("sessionTemplateId", null).put("location", "Studio A"));
    JsonObject ended = requests.get(1).json().getJsonObject("data");
    assertThat(ended.getString("sessionRecordId")).isEqualTo(session);
    assertThat(ended.getString("status")).isEqualTo("completed");
    assertThat(ended.getString("endTime")).isNotNull();
    JsonObject logged = requests.get(2).json().getJsonObject("data");
    assertThat(logged.getString("sessionRecordId")).isEqualTo(record);
    assertThat(logged.getString("sessionDate")).isEqualTo("2025-11-18");
    assertThat(requests.get(2).body()).doesNotContain("knees");
  }

  @Test
  @DisplayName("a live session's pr.achieved and session.ended are accepted once each, signed, across a restart")
  void coachingEventsOnceAcrossRestart() throws Exception {
    String trainee = createTrainee(trainer.api(), "Maria Lopez");
    assertThat(trainer.api().post("/session-records", new JsonObject().put("traineeId", trainee)
        .put("sessionDate", "2026-11-01").put("status", "completed").put("exercises", new JsonArray().add(
            new JsonObject().put("exerciseName", "Squat").put("sets", new JsonArray().add(new JsonObject()
                .put("id", "p1").put("reps", 5).put("weight", 100).put("unit", "kg")))))).status()).isEqualTo(201);
    JsonObject webhook = subscribe("pr.achieved", "session.ended");
    // The first attempt is refused, and its retry is due only after this instance has stopped.
    receiver.answer(503);
    ExtraSpotter first = deliverer(Map.of("SPOTTER_WEBHOOKS_RETRY_BASE", "PT3S"));
    JsonObject record = LiveFixtures.start(trainer, trainee, LiveFixtures.template(trainer, "Squat"));
    String session = record.getString("id");
    String squat = LiveFixtures.exerciseId(record, 0);
    try (LiveClient tablet = first.connect().hello(trainer.api().token(), "tablet")) {
      JsonObject heavier = new JsonObject().put("exerciseRecordId", squat).put("setId", "s1").put("kind", "working")
          .put("reps", 5).put("weight", 110).put("unit", "kg");
      assertThat(tablet.command(session, "log-set", heavier).getString("type")).isEqualTo("ack");
      assertThat(tablet.command(session, "end-session", new JsonObject().put("status", "completed")).getString("type"))
          .isEqualTo("ack");
    }
    Receiver.Received refused = receiver.await(1).get(0);
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> log(webhook.getString("id")).stream()
        .anyMatch(d -> !((JsonObject) d).getJsonArray("attempts").isEmpty()));
    first.close();
    deliverer(Map.of());

    receiver.await(3);
    Thread.sleep(2_000);

    assertThat(receiver.received()).as("the refused attempt, then each event once").hasSize(3);
    assertThat(refused.type()).isEqualTo("pr.achieved");
    List<Receiver.Received> accepted = receiver.received().stream().filter(Receiver.Received::accepted).toList();
    assertThat(accepted).extracting(Receiver.Received::type).containsExactly("pr.achieved", "session.ended");
    assertThat(accepted.get(0).id()).as("the refused event again, not a second one").isEqualTo(refused.id());
    assertThat(accepted.get(0).body()).isEqualTo(refused.body());
    for (Receiver.Received request : accepted) {
      assertThat(request.signature()).isEqualTo(request.expectedSignature(webhook.getString("secret")));
    }
    // 110 / p(5) = 110 / 0.863 beats 100 / 0.863 (no RPE counts as 10), and 110 kg beats 100 kg.
    assertThat(accepted.get(0).json().getJsonObject("data")).isEqualTo(new JsonObject()
        .put("sessionRecordId", session).put("traineeId", trainee).put("exerciseRecordId", squat)
        .put("exerciseId", null).put("exerciseName", "Squat").put("setId", "s1").put("unit", "kg")
        .put("records", new JsonArray()
            .add(new JsonObject().put("kind", "e1rm").put("value", 127.5).put("previous", 115.9))
            .add(new JsonObject().put("kind", "weight").put("value", 110.0).put("previous", 100.0))));
    assertThat(accepted.get(1).json().getJsonObject("data").getString("sessionRecordId")).isEqualTo(session);
    assertThat(log(webhook.getString("id"))).allSatisfy(d ->
        assertThat(((JsonObject) d).getString("status")).isEqualTo("delivered"));
  }
}
