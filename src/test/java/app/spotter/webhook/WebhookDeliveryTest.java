package app.spotter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.ExtraSpotter;
import app.spotter.support.LiveClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

  /** The receiver's check, written here from the specification rather than taken from the server. */
  private static String expectedSignature(String secret, Receiver.Received request) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    String signed = request.id() + "." + request.timestamp() + "." + request.body();
    return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  @DisplayName("a delivery carries the Standard Webhooks headers, a signature the receiver can check, and no private notes")
  void signedDelivery() throws Exception {
    deliverer(Map.of());
    JsonObject webhook = subscribe("trainee.created");
    String trainee = trainer.api().post("/trainees", new JsonObject().put("name", "Alex Morgan")
        .put("medicalNotes", "asthma").put("fitnessLevel", "beginner")).json().getString("id");

    Receiver.Received request = receiver.await(1).get(0);

    assertThat(request.signature()).isEqualTo(expectedSignature(webhook.getString("secret"), request));
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
}
