package app.spotter.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.Api;
import app.spotter.support.ApiTest;
import app.spotter.support.OwnedResources.Request;
import app.spotter.support.OwnedResources;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Trainer B walks the whole contract with trainer A's real ids and must find nothing: every
 * operation is taken from docs/openapi.yaml, so a new one is walked (or fails for want of a mapping
 * in support/OperationRequests) without anyone remembering to add it here.
 */
class TenancyTest extends ApiTest {
  /**
   * Operations on A's ids that do not answer 404, each for a reason other than tenancy:
   * a pairing code is not a trainer's resource but a short-lived public name shown on a wall; a
   * claimed code is taken for everyone (409), which tells B no more than reading the wall would,
   * and B gets no display from it (checked below: neither trainer's data changes).
   */
  private static final Map<String, Integer> NOT_TENANCY = Map.of("claimPairing", 409);

  private OpenAPIContract contract;
  private OwnedResources a;
  private OwnedResources b;

  @BeforeEach
  void twoTrainers() {
    contract = ContractFile.load(stack.vertx, "docs/openapi.yaml").await();
    a = OwnedResources.create(registerTrainer());
    b = OwnedResources.create(registerTrainer());
  }

  @Test
  @DisplayName("another trainer's ids in the path get 404 on every operation of the contract, and change nothing")
  void everyPathWithAnIdIsNotFound() {
    Map<String, String> beforeA = readAll(a);
    Map<String, String> beforeB = readAll(b);
    List<String> leaks = new ArrayList<>();
    Set<String> walked = new HashSet<>();
    for (Operation op : contract.operations()) {
      if (!op.getOpenAPIPath().contains("{")) {
        continue;
      }
      walked.add(op.getOperationId());
      Request request = a.requestFor(op);
      Reply reply = b.owner.api().send(request.method(), request.path(), request.body());
      int expected = NOT_TENANCY.getOrDefault(op.getOperationId(), 404);
      // The router's own 404 ("resource not found") would mean the path was never matched.
      boolean handled = reply.status() != 404 || !reply.body().contains("\"resource not found\"");
      if (reply.status() != expected || !handled || !"application/problem+json".equals(reply.contentType())) {
        leaks.add(op.getOperationId() + " " + request.method() + " " + request.path() + " → " + reply);
      }
    }
    // The live session is a record too: its paths are as closed as the hand-logged one's.
    String liveRecord = "/session-records/" + a.liveRecord;
    for (String path : List.of(liveRecord, liveRecord + "/exercises")) {
      assertThat(b.owner.api().get(path).status()).as(path).isEqualTo(404);
    }
    assertThat(leaks).isEmpty();
    assertThat(walked).as("operations with a path id").hasSizeGreaterThan(20).containsAll(NOT_TENANCY.keySet());
    assertThat(readAll(a)).isEqualTo(beforeA);
    assertThat(readAll(b)).isEqualTo(beforeB);
  }

  @Test
  @DisplayName("another trainer's lists hold none of the first trainer's ids")
  void listsShowNothingOfAnother() {
    for (Operation op : contract.operations()) {
      if (op.getHttpMethod().name().equals("GET") && !op.getOpenAPIPath().contains("{") && admitsTrainer(op)) {
        Reply reply = b.owner.api().get(op.getOpenAPIPath());
        assertThat(reply.status()).as(op.getOperationId()).isEqualTo(200);
        assertThat(a.ids()).as(op.getOperationId() + " answered " + reply.body())
            .noneMatch(id -> reply.body().contains(id));
      }
    }
    assertThat(b.owner.api().get("/session-records?traineeId=" + a.trainee).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("another trainer's ids in a body get 404 and nothing is written, for either trainer")
  void bodyIdsOfAnotherAreNotFound() {
    Api api = b.owner.api();
    // A trainee of B's with no live session: without A's ids these requests would succeed.
    String spare = createTrainee(api, "Spare Trainee");
    Map<String, String> beforeA = readAll(a);
    Map<String, String> beforeB = readAll(b);
    String bSession = "/programs/" + b.program + "/sessions/" + b.trainingSession;
    String bRecord = "/session-records/" + b.record;
    List<Reply> replies = List.of(
        api.post("/live-sessions", new JsonObject().put("traineeId", a.trainee)),
        api.post("/live-sessions", new JsonObject().put("traineeId", spare).put("sessionTemplateId", a.template)),
        api.post("/live-sessions",
            new JsonObject().put("traineeId", spare).put("trainingSessionId", a.trainingSession)),
        api.post("/session-records", record(a.trainee)),
        api.post("/session-records", record(spare).put("trainingSessionId", a.trainingSession)),
        api.post("/session-records", record(spare).put("exercises", new JsonArray().add(
            new JsonObject().put("exerciseName", "Squat").put("exerciseTemplateId", a.templateExercise)))),
        api.post("/programs/" + b.program + "/sessions", new JsonObject().put("name", "W").put("traineeId", a.trainee)),
        api.post("/programs/" + b.program + "/sessions",
            new JsonObject().put("name", "W").put("sessionTemplateId", a.template)),
        api.patch(bSession, new JsonObject().put("traineeId", a.trainee)),
        api.patch(bSession, new JsonObject().put("sessionTemplateId", a.template)),
        api.patch(bRecord, new JsonObject().put("traineeId", a.trainee)),
        api.patch(bRecord, new JsonObject().put("trainingSessionId", a.trainingSession)),
        api.post(bRecord + "/exercises",
            new JsonObject().put("exerciseName", "Squat").put("exerciseTemplateId", a.templateExercise)),
        api.patch(bRecord + "/exercises/" + b.exerciseRecord,
            new JsonObject().put("exerciseTemplateId", a.templateExercise)));
    assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.body()).isEqualTo(404));

    // Reordering names exercises of the template itself: A's exercise is as unknown there as any id (400, documented).
    Reply reorder = api.put("/session-templates/" + b.template + "/exercise-order",
        new JsonObject().put("ids", new JsonArray().add(a.templateExercise)));
    assertThat(reorder.status()).isEqualTo(400);
    assertThat(reorder.errorFields()).containsExactly("ids");

    assertThat(readAll(a)).isEqualTo(beforeA);
    assertThat(readAll(b)).isEqualTo(beforeB);
    assertThat(stack.count("SELECT count(*) FROM training_session_record WHERE trainee_id = '" + spare + "'")).isZero();
  }

  private static JsonObject record(String traineeId) {
    return new JsonObject().put("traineeId", traineeId).put("sessionDate", "2025-11-20");
  }

  /** The owner's answer to every trainer GET of the contract, aimed at their own resources. */
  private Map<String, String> readAll(OwnedResources owned) {
    Map<String, String> answers = new LinkedHashMap<>();
    for (Operation op : contract.operations()) {
      if (op.getHttpMethod().name().equals("GET") && admitsTrainer(op)) {
        Request request = owned.requestFor(op);
        Reply reply = owned.owner.api().get(request.path());
        assertThat(reply.status()).as(op.getOperationId() + " " + reply.body()).isEqualTo(200);
        answers.put(op.getOperationId(), reply.body());
      }
    }
    return answers;
  }

  private static boolean admitsTrainer(Operation op) {
    return ((JsonArray) op.getExtensions().get("x-roles")).contains("trainer");
  }
}
