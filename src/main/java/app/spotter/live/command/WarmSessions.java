package app.spotter.live.command;

import app.spotter.coaching.ExerciseRecords;
import app.spotter.coaching.PersonalRecordRepository.ForSet;
import app.spotter.coaching.PersonalRecords;
import app.spotter.live.command.LiveRepository.ChangedSet;
import app.spotter.live.command.LiveRepository.EventSave;
import app.spotter.live.command.LiveRepository.NewSet;
import app.spotter.record.SetTarget;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What this instance's last commit of each live session left: the session's live columns as
 * committed, and for each exercise a set was logged into here, what logging the next set there reads
 * (the exercise's version and set count, and its trainee's records of it) and the last set logged
 * there (what a trainee's RPE or a correction of it reads). A command whose reads are
 * all here skips the read round ({@code CommandProcessor}): its event's statement still checks the
 * session's and the exercise's versions, so any commit of another writer in between (another
 * instance, the session lock's path, a replay of the trainee's records) fails it, and it then runs the
 * usual way (a change of the trainer's profile moves the version on too: kept records carry the unit
 * they are shown in). What no version covers it checks in that statement instead: that its commandId
 * was not answered before and that a new set's id was not logged before.
 *
 * <p>An exercise in a superset is never kept: which exercise its set makes current depends on the
 * other exercises. Nor is a session whose notes are long ({@link #MAX_NOTES} characters: its row would
 * weigh on memory). An entry goes when a command of its session runs under the lock here
 * ({@code end-session} always does), and when it turns out stale. A session left live and never ended would stay: when there are
 * {@link #MAX_SESSIONS}, those with no commit for {@link #IDLE_MS} go, and all go if that is not enough.
 */
final class WarmSessions {
  /** A bound on memory, ten times the sessions one instance carries under load (a few kB each). */
  static final int MAX_SESSIONS = 10_000;
  /** Longer trainer notes than this and the session is not kept (notes may hold 100,000 characters). */
  static final int MAX_NOTES = 2_000;
  /** How long a session with no commit here counts as still in use. */
  static final long IDLE_MS = 10 * 60_000;
  /** A read this cache cannot answer: the command runs the usual way. */
  static final RuntimeException MISS = new Miss();
  private final Map<UUID, Session> sessions = new ConcurrentHashMap<>();
  private final int maxSessions;
  private final long idleMs;
  private final LongSupplier clock;

  WarmSessions() {
    this(MAX_SESSIONS, IDLE_MS, System::currentTimeMillis);
  }

  /** With other bounds and clock, for tests. */
  WarmSessions(int maxSessions, long idleMs, LongSupplier clock) {
    this.maxSessions = maxSessions;
    this.idleMs = idleMs;
    this.clock = clock;
  }

  /** The session as its last commit here left it; exercises by id. */
  record Session(LiveSessionRow row, Map<UUID, Exercise> exercises, long keptAt) {
    /** A copy of the row for one command to change. */
    LiveSessionRow rowToChange() {
      return row.copy();
    }

    /** The target of a set logged now into {@code exerciseId}, if kept. */
    Optional<SetTarget> target(UUID exerciseId) {
      Exercise e = exercises.get(exerciseId);
      return e == null ? Optional.empty()
          : Optional.of(new SetTarget(exerciseId, row.id, e.version(), e.setCount(), false, List.of()));
    }

    /**
     * The records the set {@code setId} of {@code exerciseId} is judged against, if kept: as the last
     * set logged here when it is that one, else as a new set (whose id no set has: the statement checks).
     */
    Optional<ForSet> records(UUID exerciseId, String setId) {
      Exercise e = exercises.get(exerciseId);
      if (e == null) {
        return Optional.empty();
      }
      return Optional.of(e.lastIs(setId) && e.last().inLog() ? forSet(e.records(), e.records().records(), true)
          : e.records());
    }

    /** The set {@code setId} of {@code exerciseId} as read at the exercise's version, if it is the last set logged here. */
    Optional<ChangedSet> set(UUID exerciseId, String setId) {
      Exercise e = exercises.get(exerciseId);
      return e == null || !e.lastIs(setId) ? Optional.empty()
          : Optional.of(new ChangedSet(exerciseId, e.version(), e.last().body().copy()));
    }
  }

  /**
   * An exercise as the next set logged into it reads it (its records' {@code inLog} is false: a new
   * set), and the last set logged into it here, which a trainee's RPE or a correction changes next.
   */
  record Exercise(int version, int setCount, ForSet records, LastSet last) {
    boolean lastIs(String setId) {
      return last != null && last.id().equals(setId);
    }
  }

  /** A set as committed, and whether it is in the exercise's record log (a change to it then replays the records). */
  record LastSet(JsonObject body, boolean inLog) {
    String id() {
      return body.getString("id");
    }
  }

  Session get(UUID sessionId) {
    return sessions.get(sessionId);
  }

  void forget(UUID sessionId) {
    sessions.remove(sessionId);
  }

  /**
   * Keeps what the command left, which its event's statement just committed: {@code before} is the
   * records its set was judged against (when it logged one), {@code logged} what they became (null
   * when unchanged).
   */
  void committed(EventSave save, Optional<ForSet> before, PersonalRecords.Logged logged) {
    LiveSessionRow row = save.session().committed(save.event().seq());
    UUID id = row.id;
    if (!row.isLive() || row.trainerNotes != null && row.trainerNotes.length() > MAX_NOTES) {
      sessions.remove(id);
      return;
    }
    Session kept = sessions.get(id);
    Map<UUID, Exercise> exercises = kept != null && kept.row().version == save.session().version
        ? new HashMap<>(kept.exercises()) : new HashMap<>();
    if (save.setWrite() instanceof NewSet added) {
      keepLogged(exercises, added.target(), added.set(), before, logged);
    } else if (save.setWrite() instanceof ChangedSet changed) {
      // Committed on the way that writes no records: the set's place in the record log is as it was.
      exercises.computeIfPresent(changed.exerciseId(), (k, e) -> new Exercise(changed.version() + 1, e.setCount(),
          e.records(), e.lastIs(changed.set().getString("id")) ? new LastSet(changed.set().copy(), e.last().inLog())
              : e.last()));
    }
    long now = clock.getAsLong();
    if (kept == null && sessions.size() >= maxSessions) {
      sessions.values().removeIf(s -> s.keptAt() < now - idleMs);
      if (sessions.size() >= maxSessions) {
        sessions.clear();
      }
    }
    Session made = new Session(row, Map.copyOf(exercises), now);
    sessions.merge(id, made, (old, neu) -> neu.row().version > old.row().version ? neu : old);
  }

  /**
   * The exercise a set was logged into (unless it is in a superset), and the records of every kept
   * exercise of its identity, which the set moved as well, whether its own exercise is kept or not.
   */
  private static void keepLogged(Map<UUID, Exercise> exercises, SetTarget target, JsonObject added,
      Optional<ForSet> before, PersonalRecords.Logged logged) {
    if (before.isEmpty()) {
      exercises.clear(); // a set logged without its records read: which records it moved is unknown
      return;
    }
    ForSet was = before.get();
    ExerciseRecords records = logged == null ? was.records() : logged.replay().records();
    exercises.replaceAll((k, e) -> e.records().identity().equals(was.identity())
        ? new Exercise(e.version(), e.setCount(), forSet(e.records(), records, false), e.last()) : e);
    if (target.lineup().isEmpty()) {
      boolean inLog = logged != null && !logged.log().isEmpty();
      exercises.put(target.id(), new Exercise(target.version() + 1, target.setCount() + 1,
          forSet(was, records, false), new LastSet(added.copy(), inLog)));
    } else {
      exercises.remove(target.id());
    }
  }

  /** {@code of} with {@code records}, as a set in the record log ({@code inLog}) or not sees them. */
  private static ForSet forSet(ForSet of, ExerciseRecords records, boolean inLog) {
    return new ForSet(of.traineeId(), of.identity(), of.exerciseId(), of.exerciseName(), of.unit(), records,
        of.sessionDate(), inLog);
  }

  private static final class Miss extends RuntimeException {
    Miss() {
      super("not kept here", null, false, false);
    }
  }
}
