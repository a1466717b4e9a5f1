package app.spotter.coaching;

import app.spotter.infra.db.KeyedRead;
import app.spotter.coaching.PersonalRecordRepository.ForSet;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Personal records (contract v2 "Records"; docs/coaching.md): kept as sets are logged, in the same
 * transaction. A logged set is folded into the stored records of its exercise ({@link #logged}); a
 * change to a set that is in the record log, or that would set a record, replays that one exercise's
 * history ({@link #replayWith}); any other change to history replays the exercises of the session it
 * touched ({@link #refreshSession}). Values are stored in kg and shown in the trainer's unit.
 */
public final class PersonalRecords {
  private final PersonalRecordRepository repository;

  public PersonalRecords(PersonalRecordRepository repository) {
    this.repository = repository;
  }

  /** A set logged into an exercise: the exercise's records with the set folded in, and what it set. */
  public record Logged(ForSet before, RecordReplay replay, List<RecordEntry> entries, JsonArray log) {
    /** Whether the records change (a record or a baseline), so they must be written. */
    public boolean changes() {
      return !entries.isEmpty();
    }
  }

  /** The records of the exercise ({@code exerciseRecordId} of the session) a set ({@code setId}) goes into or is in. */
  public Future<Optional<ForSet>> forSet(KeyedRead.Reader reader, UUID sessionId, UUID exerciseRecordId, String setId) {
    return repository.forSet(reader, sessionId, exerciseRecordId, setId);
  }

  /** {@code set}, logged now into the exercise of {@code before} in session {@code sessionId}, folded into its records. */
  public static Logged logged(ForSet before, UUID sessionId, UUID exerciseRecordId, JsonObject set) {
    RecordReplay replay = new RecordReplay(before.records().copy());
    List<RecordEntry> entries = replay.add(new HistorySet(before.traineeId(), before.identity(), sessionId,
        before.sessionDate(), exerciseRecordId, before.exerciseName(), set, before.unit()));
    return new Logged(before, replay, entries, replay.log());
  }

  /** The state rows of the records {@code logged} moved, as {@link PersonalRecordRepository#SAVE} writes them. */
  public static JsonArray states(Logged logged) {
    return new JsonArray().add(PersonalRecordRepository.stateRow(logged.before().traineeId(), logged.before().identity(),
        logged.replay().records()));
  }

  /**
   * Replays the exercise of {@code before} from its history with one set changed to {@code changed}
   * (null: deleted) and writes the result over its records and log; resolves to the replay. The set
   * is of live session {@code sessionId}, whose lock {@code tx} holds.
   */
  public Future<RecordReplay> replayWith(SqlClient tx, ForSet before, UUID sessionId, UUID exerciseRecordId,
      String setId, JsonObject changed) {
    return repository.historyToReplay(tx, before.traineeId(), Set.of(before.identity()), sessionId).compose(history -> {
      List<HistorySet> sets = new ArrayList<>();
      for (HistorySet set : history.get(before.identity())) {
        boolean target = set.exerciseRecordId().equals(exerciseRecordId) && setId.equals(set.setId());
        if (!target) {
          sets.add(set);
        } else if (changed != null) {
          sets.add(set.withBody(changed));
        }
      }
      RecordReplay replay = RecordReplay.of(sets);
      return rewrite(tx, before.traineeId(), Map.of(before.identity(), replay)).map(replay);
    });
  }

  /**
   * Replays every exercise a change to the session may have moved (those in it now and those it set
   * records in), for its trainee and any trainee it had before: after a write to its exercises,
   * sets, status or trainee outside the live socket, or a rename of a live exercise (under the live
   * session's lock).
   */
  public Future<Void> refreshSession(SqlClient tx, UUID sessionId) {
    return repository.ofSession(tx, sessionId).compose(touched -> {
      List<Future<Void>> done = new ArrayList<>();
      touched.forEach((traineeId, identities) -> done.add(repository.historyToReplay(tx, traineeId, identities, sessionId)
          .compose(history -> {
            Map<String, RecordReplay> replays = new java.util.LinkedHashMap<>();
            history.forEach((identity, sets) -> replays.put(identity, RecordReplay.of(sets)));
            return rewrite(tx, traineeId, replays);
          })));
      return Future.all(done).mapEmpty();
    });
  }

  /** The trainee's records and log of each replayed exercise, written over the stored ones. */
  private Future<Void> rewrite(SqlClient tx, UUID traineeId, Map<String, RecordReplay> replays) {
    JsonArray states = new JsonArray();
    JsonArray log = new JsonArray();
    replays.forEach((identity, replay) -> {
      if (!replay.log().isEmpty()) {
        states.add(PersonalRecordRepository.stateRow(traineeId, identity, replay.records()));
        log.addAll(replay.log());
      }
    });
    Future<Void> cleared = repository.clear(tx, traineeId, replays.keySet());
    Future<Void> saved = repository.saveAll(tx, states);
    Future<Void> appended = repository.appendLog(tx, log);
    return Future.all(cleared, saved, appended).mapEmpty();
  }

  /** The records set in the session, in its order of exercises and sets, as {@link #shown}. */
  public Future<JsonArray> ofSession(UUID sessionId, WeightUnit unit) {
    return repository.ofSessionLog(sessionId).map(rows -> shown(rows, unit));
  }

  /**
   * The trainee's current records per exercise: {@code {exerciseName, exerciseId, e1rm, weight,
   * repMaxes}}, each record as {@link #shown} (null when there is none), rep maxes by reps.
   */
  public Future<JsonObject> ofTrainee(UUID traineeId, WeightUnit unit) {
    return repository.ofTrainee(traineeId).map(list -> {
      JsonArray items = new JsonArray();
      list.forEach(c -> {
        JsonArray repMaxes = new JsonArray();
        c.repMaxes().forEach(row -> repMaxes.add(show((JsonObject) row, unit)));
        items.add(new JsonObject().put("exerciseName", c.exerciseName()).put("exerciseId", exerciseId(c.identity()))
            .put("e1rm", c.e1rm() == null ? null : show(c.e1rm(), unit))
            .put("weight", c.weight() == null ? null : show(c.weight(), unit))
            .put("repMaxes", repMaxes));
      });
      return new JsonObject().put("unit", unit.wire()).put("items", items);
    });
  }

  /** The library or custom exercise id of an identity (V13: {@code id:} then the id), null for a name. */
  private static String exerciseId(String identity) {
    return identity.startsWith("id:") ? identity.substring(3) : null;
  }

  /** The records among {@code logRows} (baselines left out), as screens show them. */
  public static JsonArray shown(List<JsonObject> logRows, WeightUnit unit) {
    JsonArray out = new JsonArray();
    logRows.stream().filter(row -> row.getValue("previous") != null).forEach(row -> out.add(show(row, unit)));
    return out;
  }

  /**
   * A record as every screen gets it: {@code kind}, {@code value} and {@code previous} (e1rm and
   * weight in {@code unit}, reps as a count), and the set that set it, its weight and e1RM in
   * {@code unit}: all a banner needs ("PR: Back squat 120 kg × 3 — e1RM 133.5").
   */
  static JsonObject show(JsonObject row, WeightUnit unit) {
    boolean reps = RecordEntry.REPS.equals(row.getString("kind"));
    return new JsonObject()
        .put("kind", row.getString("kind"))
        .put("value", reps ? (Object) row.getNumber("value").intValue() : unit.shownFromKg(row.getDouble("value")))
        .put("previous", row.getValue("previous") == null ? null
            : reps ? (Object) row.getNumber("previous").intValue() : unit.shownFromKg(row.getDouble("previous")))
        .put("unit", unit.wire())
        .put("exerciseRecordId", row.getString("exercise_record_id"))
        .put("exerciseName", row.getString("exercise_name"))
        .put("setId", row.getString("set_id"))
        .put("reps", row.getInteger("reps"))
        .put("weight", unit.shownFromKg(row.getDouble("weight_kg")))
        .put("e1rm", row.getValue("e1rm_kg") == null ? null : unit.shownFromKg(row.getDouble("e1rm_kg")))
        .put("date", row.getString("session_date"));
  }

  /** {@code pr.achieved}'s data (docs/webhooks.md): ids and numbers, no notes. */
  public static JsonObject achieved(Logged logged, UUID sessionId, UUID exerciseRecordId, String setId) {
    JsonArray records = new JsonArray();
    shown(logged.log().stream().map(JsonObject.class::cast).toList(), logged.before().unit()).forEach(item -> {
      JsonObject r = (JsonObject) item;
      records.add(new JsonObject().put("kind", r.getValue("kind")).put("value", r.getValue("value"))
          .put("previous", r.getValue("previous")));
    });
    ForSet before = logged.before();
    return new JsonObject().put("sessionRecordId", sessionId.toString()).put("traineeId", before.traineeId().toString())
        .put("exerciseRecordId", exerciseRecordId.toString()).put("exerciseId", before.exerciseId())
        .put("exerciseName", before.exerciseName()).put("setId", setId).put("unit", before.unit().wire())
        .put("records", records);
  }

}
