package app.spotter.load.http;

import app.spotter.load.Bounded;
import app.spotter.load.setup.Fleet;
import app.spotter.load.setup.Fleet.SessionSetup;
import app.spotter.load.setup.Fleet.TrainerSetup;
import app.spotter.load.setup.RestClient;
import app.spotter.load.setup.TraineeProfile;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What the REST mix works on, made through the API on top of the fleet: every session's trainee gets
 * a full profile and a history of completed session records; every trainer gets a few trainees that
 * only receive measurements. Their history grows all run long, so they stay out of the reads: named
 * to sort last, beyond the page of trainees the mix lists.
 */
final class HttpFixture {
  static final int HISTORY_RECORDS = 8;
  static final int WEIGHED_PER_TRAINER = 3;
  private static final List<String> EXERCISES = List.of("Back squat", "Bench press", "Barbell row", "Overhead press");
  private final RestClient rest;

  HttpFixture(RestClient rest) {
    this.rest = rest;
  }

  Future<List<TrainerRoster>> create(Fleet fleet) {
    return Bounded.map(fleet.trainers(), 2, trainer -> roster(trainer, fleet.sessions().stream()
        .filter(s -> s.trainer().equals(trainer)).toList()));
  }

  private Future<TrainerRoster> roster(TrainerSetup trainer, List<SessionSetup> sessions) {
    String token = trainer.accessToken();
    Future<List<TrainerRoster.Editable>> profiles = Bounded.map(sessions, 4, s -> rest.patch("/trainees/" + s.traineeId(),
        token, null, TraineeProfile.of(s.index())).map(reply -> new TrainerRoster.Editable(s.traineeId(), reply.etag())));
    Future<List<List<String>>> records = profiles.compose(p -> Bounded.map(sessions, 4, s -> history(token, s)));
    Future<List<String>> weighed = records.compose(r -> Bounded.map(IntStream.range(0, WEIGHED_PER_TRAINER).boxed()
        .toList(), 1, i -> rest.post("/trainees", token, new JsonObject().put("name", "Zz weighed " + i), 201)
        .map(t -> t.getString("id"))));
    return weighed.map(w -> new TrainerRoster(token, profiles.result(), records.result(), w));
  }

  /** Completed records of the trainee's past weeks, then its live session's record. */
  private Future<List<String>> history(String token, SessionSetup s) {
    return Bounded.map(IntStream.range(0, HISTORY_RECORDS).boxed().toList(), 1, week ->
        rest.post("/session-records", token, record(s.traineeId(), week), 201).map(r -> r.getString("id")))
        .map(ids -> {
          List<String> all = new ArrayList<>(ids);
          all.add(s.sessionId());
          return all;
        });
  }

  private static JsonObject record(String traineeId, int week) {
    LocalDate day = LocalDate.of(2026, 9, 1).plusWeeks(week);
    JsonArray exercises = new JsonArray();
    for (String name : EXERCISES) {
      JsonArray sets = new JsonArray();
      for (int set = 1; set <= 4; set++) {
        sets.add(new JsonObject().put("id", "s-" + set).put("reps", 8).put("weight", 60 + week * 2.5).put("unit", "kg")
            .put("rpe", 7.5));
      }
      exercises.add(new JsonObject().put("exerciseName", name).put("targetSets", 4).put("targetReps", 8)
          .put("targetWeight", 60 + week * 2.5).put("sets", sets));
    }
    return new JsonObject().put("traineeId", traineeId).put("sessionDate", day.toString())
        .put("startTime", day + "T17:00:00Z").put("endTime", day + "T18:05:00Z").put("status", "completed")
        .put("trainerNotes", "Solid session; keep the knee tracking over the toes on squats.").put("exercises", exercises);
  }
}
