package app.spotter.support;

import app.spotter.support.ApiTest.Trainer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.Operation;
import java.util.List;

/**
 * One of everything a trainer can own, created through the API: a trainee with an access link, a
 * template with two exercises, a program with a training session, a hand-logged record, a live
 * session, a paired display, a webhook subscribed to every event and a custom exercise. Tests that
 * walk the contract aim their requests at it.
 */
public final class OwnedResources {
  /** A request as sent: method, path under /api/v1 (with its query), body or null. */
  public record Request(String method, String path, JsonObject body) {}

  public final Trainer owner;
  public final String trainee;
  public final String accessLink;
  public final String template;
  public final String templateExercise;
  public final String secondTemplateExercise;
  public final String program;
  public final String trainingSession;
  public final String record;
  public final String exerciseRecord;
  public final String liveRecord;
  public final String liveExerciseRecord;
  public final String display;
  public final String pairingCode;
  public final String webhook;
  public final String customExercise;
  /** The trainee's token (from the access link) and the display's token (from the pairing). */
  public final String traineeToken;
  public final String displayToken;

  private OwnedResources(Trainer owner) {
    this.owner = owner;
    Api api = owner.api();
    // First, so that what follows also goes through the outbox; nothing listens on port 9.
    webhook = created(api.post("/webhooks", new JsonObject().put("url", "http://127.0.0.1:9/owned")
        .put("events", new JsonArray().add("session.started").add("session.ended").add("record.created")
            .add("pr.achieved").add("trainee.created")))).getString("id");
    trainee = created(api.post("/trainees", new JsonObject().put("name", "Alex Morgan")
        .put("medicalNotes", "asthma"))).getString("id");
    JsonObject link = created(api.post("/trainees/" + trainee + "/access-links", new JsonObject()));
    accessLink = link.getString("id");
    JsonObject templateBody = created(api.post("/session-templates", new JsonObject().put("name", "Lower body A")
        .put("exercises", new JsonArray().add(exercise("Back squat")).add(exercise("Walking lunge")))));
    template = templateBody.getString("id");
    templateExercise = exerciseId(templateBody, 0);
    secondTemplateExercise = exerciseId(templateBody, 1);
    program = created(api.post("/programs", new JsonObject().put("name", "Strength base").put("durationWeeks", 4)))
        .getString("id");
    trainingSession = created(api.post("/programs/" + program + "/sessions", new JsonObject().put("name", "Week 1")
        .put("sessionTemplateId", template).put("traineeId", trainee).put("weekNumber", 1).put("sessionNumber", 1)))
        .getString("id");
    JsonObject recordBody = created(api.post("/session-records", new JsonObject().put("traineeId", trainee)
        .put("sessionDate", "2025-11-18").put("trainingSessionId", trainingSession).put("trainerNotes", "good depth")
        .put("exercises", new JsonArray().add(exercise("Back squat").put("exerciseTemplateId", templateExercise)
            .put("sets", new JsonArray().add(new JsonObject().put("id", "s-1").put("reps", 8).put("weight", 60)))))));
    record = recordBody.getString("id");
    exerciseRecord = exerciseId(recordBody, 0);
    JsonObject live = created(api.post("/live-sessions",
        new JsonObject().put("traineeId", trainee).put("sessionTemplateId", template)));
    liveRecord = live.getString("id");
    liveExerciseRecord = exerciseId(live, 0);
    customExercise = created(api.post("/exercises", new JsonObject().put("name", "Sled push").put("category", "strongman")))
        .getString("id");
    Api anonymous = new Api(api.base(), null);
    JsonObject pairing = created(anonymous.post("/displays/pairings", null));
    pairingCode = pairing.getString("code");
    display = created(api.post("/displays/pairings/" + pairingCode + "/claim", new JsonObject().put("name", "Wall")))
        .getJsonObject("display").getString("id");
    displayToken = ok(anonymous.get("/displays/pairings/" + pairingCode + "?secret="
        + pairing.getString("pairingSecret"))).getString("displayToken");
    traineeToken = ok(anonymous.post("/trainee-access", new JsonObject().put("token", link.getString("token"))))
        .getString("accessToken");
  }

  public static OwnedResources create(Trainer owner) {
    return new OwnedResources(owner);
  }

  /** Every id of the owner's, their own included: none may show up in another trainer's answers. */
  public List<String> ids() {
    return List.of(owner.id(), trainee, accessLink, template, templateExercise, secondTemplateExercise, program,
        trainingSession, record, exerciseRecord, liveRecord, liveExerciseRecord, display, webhook, customExercise);
  }

  /** A valid request for {@code op} aimed at these resources (see {@link OperationRequests}). */
  public Request requestFor(Operation op) {
    return new OperationRequests(this).requestFor(op);
  }

  static JsonObject exercise(String name) {
    return new JsonObject().put("exerciseName", name).put("targetSets", 3).put("targetReps", 8);
  }

  private static String exerciseId(JsonObject parent, int index) {
    return parent.getJsonArray("exercises").getJsonObject(index).getString("id");
  }

  private static JsonObject created(Reply reply) {
    if (reply.status() != 201) {
      throw new AssertionError("expected 201, got " + reply);
    }
    return reply.json();
  }

  private static JsonObject ok(Reply reply) {
    if (reply.status() != 200) {
      throw new AssertionError("expected 200, got " + reply);
    }
    return reply.json();
  }
}
