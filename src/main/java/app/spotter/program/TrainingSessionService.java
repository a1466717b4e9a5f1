package app.spotter.program;

import app.spotter.api.ApiException;
import app.spotter.api.Page;
import app.spotter.auth.Principal;
import app.spotter.infra.db.Versioned;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Function;

/**
 * The training sessions of a program. A session's week must fall inside the program's duration, and
 * the template and trainee it names must be the caller's own: otherwise 404, and nothing is written.
 * Writes share-lock the program, so its duration cannot change under them.
 */
public final class TrainingSessionService {
  private final Pool pool;
  private final ProgramRepository programs;
  private final TrainingSessionRepository sessions;

  public TrainingSessionService(Pool pool, ProgramRepository programs, TrainingSessionRepository sessions) {
    this.pool = pool;
    this.programs = programs;
    this.sessions = sessions;
  }

  public Future<JsonObject> list(Principal caller, UUID programId, Page page) {
    Integer afterWeek = page.afterInt(0);
    Integer afterNumber = page.afterInt(1);
    OffsetDateTime afterCreatedAt = page.afterTimestamp(2);
    UUID afterId = page.afterUuid(3);
    return required(programs.find(pool, caller.requireTrainer(), programId))
        .compose(program -> sessions.list(pool, programId, afterWeek, afterNumber, afterCreatedAt, afterId,
            page.fetchSize()))
        .map(rows -> page.body(rows, TrainingSessionRepository::sortKey));
  }

  public Future<JsonObject> create(Principal caller, UUID programId, JsonObject body) {
    UUID trainerId = caller.requireTrainer();
    JsonObject session = body.copy().put("programId", programId.toString()).put("trainerId", trainerId.toString());
    return pool.withTransaction(tx -> required(programs.findForShare(tx, trainerId, programId))
        .compose(program -> {
          requireWeekInProgram(program, session);
          return requireOwnReferences(tx, trainerId, session);
        })
        .compose(v -> sessions.insert(tx, session)));
  }

  /** Only the references the patch sets are checked: the ones already stored were checked when written. */
  public Future<JsonObject> update(Principal caller, UUID programId, UUID id, JsonObject patch, OptionalInt ifMatch) {
    UUID trainerId = caller.requireTrainer();
    return pool.withTransaction(tx -> required(programs.findForShare(tx, trainerId, programId))
        .compose(program -> Versioned.patch(sessions.find(tx, trainerId, programId, id), "training session", ifMatch,
            patch, merged -> requireWeekInProgram(program, merged),
            (merged, version) -> requireOwnReferences(tx, trainerId, patch)
                .compose(v -> sessions.update(tx, trainerId, merged, version)))));
  }

  public Future<Void> delete(Principal caller, UUID programId, UUID id, OptionalInt ifMatch) {
    UUID trainerId = caller.requireTrainer();
    return Versioned.delete(sessions.find(pool, trainerId, programId, id), "training session", ifMatch,
        version -> sessions.delete(pool, trainerId, programId, id, version));
  }

  private static Future<JsonObject> required(Future<Optional<JsonObject>> program) {
    return program.map(found -> found.orElseThrow(() -> ApiException.notFound("program")));
  }

  private static JsonObject requireWeekInProgram(JsonObject program, JsonObject session) {
    Integer weeks = program.getInteger("durationWeeks");
    Integer week = session.getInteger("weekNumber");
    if (weeks != null && week != null && week > weeks) {
      throw ApiException.invalidField("weekNumber", "must not exceed the program's durationWeeks (" + weeks + ")");
    }
    return session;
  }

  private Future<Void> requireOwnReferences(SqlClient tx, UUID trainerId, JsonObject session) {
    return requireOwn(session, "sessionTemplateId", "session template", id -> sessions.templateExists(tx, trainerId, id))
        .compose(v -> requireOwn(session, "traineeId", "trainee", id -> sessions.traineeExists(tx, trainerId, id)));
  }

  private static Future<Void> requireOwn(JsonObject session, String field, String what,
      Function<UUID, Future<Boolean>> exists) {
    String raw = session.getString(field);
    if (raw == null) {
      return Future.succeededFuture();
    }
    UUID id;
    try {
      id = UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidField(field, "must be a UUID");
    }
    return exists.apply(id).map(found -> {
      if (!found) {
        throw ApiException.notFound(what);
      }
      return null;
    });
  }
}
