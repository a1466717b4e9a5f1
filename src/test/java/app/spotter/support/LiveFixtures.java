package app.spotter.support;

import app.spotter.support.ApiTest.Trainer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Setting up live sessions through the public API, as a real client would. */
public final class LiveFixtures {
  private LiveFixtures() {}

  /** A template with {@code names.length} exercises (3 × 8 at 50 kg, 90 s rest). */
  public static String template(Trainer trainer, String... names) {
    JsonArray exercises = new JsonArray();
    for (String name : names) {
      exercises.add(new JsonObject().put("exerciseName", name).put("targetSets", 3).put("targetReps", 8)
          .put("targetWeight", 50).put("restBetweenSets", 90));
    }
    Reply reply = trainer.api().post("/session-templates",
        new JsonObject().put("name", "Full body").put("exercises", exercises));
    return created(reply).getString("id");
  }

  /** Starts a live session; returns the record (with its exercise records). */
  public static JsonObject start(Trainer trainer, String traineeId, String templateId) {
    JsonObject body = new JsonObject().put("traineeId", traineeId);
    if (templateId != null) {
      body.put("sessionTemplateId", templateId);
    }
    return created(trainer.api().post("/live-sessions", body));
  }

  /** Access link → trainee token, the way the trainee's phone gets one. */
  public static String traineeToken(Trainer trainer, String traineeId) {
    String link = created(trainer.api().post("/trainees/" + traineeId + "/access-links", new JsonObject()))
        .getString("token");
    Reply exchanged = new Api(baseOf(trainer), null).post("/trainee-access", new JsonObject().put("token", link));
    if (exchanged.status() != 200) {
      throw new AssertionError("trainee access failed: " + exchanged);
    }
    return exchanged.json().getString("accessToken");
  }

  /** Pairing code claimed by the trainer → the display's token. */
  public static String displayToken(Trainer trainer) {
    return displayToken(trainer, null);
  }

  /** The same for a display claimed with a location (none when null). */
  public static String displayToken(Trainer trainer, String location) {
    Api anonymous = new Api(baseOf(trainer), null);
    JsonObject pairing = created(anonymous.post("/displays/pairings", null));
    JsonObject body = new JsonObject().put("name", "Wall");
    if (location != null) {
      body.put("location", location);
    }
    Reply claim = trainer.api().post("/displays/pairings/" + pairing.getString("code") + "/claim", body);
    if (claim.status() / 100 != 2) {
      throw new AssertionError("claim failed: " + claim);
    }
    Reply token = anonymous.get("/displays/pairings/" + pairing.getString("code") + "?secret="
        + pairing.getString("pairingSecret"));
    if (token.status() != 200) {
      throw new AssertionError("pairing failed: " + token);
    }
    return token.json().getString("displayToken");
  }

  public static String exerciseId(JsonObject record, int index) {
    return record.getJsonArray("exercises").getJsonObject(index).getString("id");
  }

  public static String accessToken(Trainer trainer) {
    return trainer.api().token();
  }

  private static JsonObject created(Reply reply) {
    if (reply.status() != 201) {
      throw new AssertionError("expected 201, got " + reply);
    }
    return reply.json();
  }

  private static String baseOf(Trainer trainer) {
    return trainer.api().base();
  }
}
