package app.spotter.load.setup;

import app.spotter.load.Bounded;
import app.spotter.load.setup.Fleet.SessionSetup;
import app.spotter.load.setup.Fleet.TrainerSetup;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Creates the fleet the way real clients would: trainers register, create trainees and a template,
 * hand out access links (exchanged for trainee tokens), pair displays, and start live sessions.
 */
public final class FleetSetup {
  private static final String PASSWORD = "load test password 1";
  private static final List<String> EXERCISES = List.of("Back squat", "Bench press", "Barbell row", "Overhead press");
  private final RestClient rest;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  public FleetSetup(RestClient rest) {
    this.rest = rest;
  }

  public Future<Fleet> create(int sessions, int perTrainer, int displaysPerSession, int wallDisplays) {
    int trainers = (sessions + perTrainer - 1) / perTrainer;
    return Bounded.map(IntStream.range(0, trainers).boxed().toList(), 4, t -> {
      int first = t * perTrainer;
      int count = Math.min(perTrainer, sessions - first);
      return trainer(t, wallDisplays).compose(trainer -> template(trainer).compose(templateId ->
          Bounded.map(IntStream.range(first, first + count).boxed().toList(), 4,
              i -> session(i, trainer, templateId, displaysPerSession))));
    }).map(perTrainerSessions -> {
      List<SessionSetup> all = new ArrayList<>();
      perTrainerSessions.forEach(all::addAll);
      List<TrainerSetup> trainerList = all.stream().map(SessionSetup::trainer).distinct().toList();
      return new Fleet(trainerList, all);
    });
  }

  private Future<TrainerSetup> trainer(int index, int wallDisplays) {
    JsonObject body = new JsonObject().put("email", "load-" + run + "-" + index + "@spotter.test")
        .put("password", PASSWORD).put("name", "Load Coach " + index);
    return rest.post("/auth/register", null, body, 201).compose(reply -> {
      String token = reply.getString("accessToken");
      String id = reply.getJsonObject("trainer").getString("id");
      return displays(token, wallDisplays, "Wall " + index).map(walls -> new TrainerSetup(index, id, token, walls));
    });
  }

  private Future<String> template(TrainerSetup trainer) {
    JsonArray exercises = new JsonArray();
    EXERCISES.forEach(name -> exercises.add(new JsonObject().put("exerciseName", name).put("targetSets", 4)
        .put("targetReps", 8).put("targetWeight", 60).put("restBetweenSets", 90)));
    return rest.post("/session-templates", trainer.accessToken(),
        new JsonObject().put("name", "Load full body").put("exercises", exercises), 201).map(t -> t.getString("id"));
  }

  private Future<SessionSetup> session(int index, TrainerSetup trainer, String templateId, int displays) {
    String token = trainer.accessToken();
    return rest.post("/trainees", token, new JsonObject().put("name", "Load Trainee " + index), 201)
        .map(t -> t.getString("id"))
        .compose(traineeId -> traineeToken(token, traineeId).compose(traineeToken ->
            displays(token, displays, "Session display " + index).compose(displayTokens ->
                rest.post("/live-sessions", token, new JsonObject().put("traineeId", traineeId)
                    .put("sessionTemplateId", templateId), 201).map(record -> new SessionSetup(index, trainer,
                    record.getString("id"), exerciseIds(record), traineeId, traineeToken, displayTokens)))));
  }

  /** Access link → trainee token, as the trainee's phone gets one. */
  private Future<String> traineeToken(String trainerToken, String traineeId) {
    return rest.post("/trainees/" + traineeId + "/access-links", trainerToken, new JsonObject(), 201)
        .compose(link -> rest.post("/trainee-access", null, new JsonObject().put("token", link.getString("token")), 200))
        .map(access -> access.getString("accessToken"));
  }

  /** Pairing: the display asks for a code, the trainer claims it, the display collects its token. */
  private Future<List<String>> displays(String trainerToken, int count, String name) {
    return Bounded.map(IntStream.range(0, count).boxed().toList(), 1, i ->
        rest.post("/displays/pairings", null, null, 201).compose(pairing -> {
          String code = pairing.getString("code");
          return rest.post("/displays/pairings/" + code + "/claim", trainerToken,
                  new JsonObject().put("name", name + "." + i), 201)
              .compose(claimed -> rest.get("/displays/pairings/" + code + "?secret=" + pairing.getString("pairingSecret"),
                  null, 200))
              .map(status -> status.getString("displayToken"));
        }));
  }

  private static List<String> exerciseIds(JsonObject record) {
    JsonArray exercises = record.getJsonArray("exercises");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < exercises.size(); i++) {
      ids.add(exercises.getJsonObject(i).getString("id"));
    }
    return ids;
  }
}
