package app.spotter.program;

import app.spotter.api.ApiException;
import app.spotter.api.Page;
import app.spotter.auth.Principal;
import app.spotter.infra.db.CopyName;
import app.spotter.infra.db.Versioned;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

/** A trainer's programs; every program answered carries its training sessions, in program order. */
public final class ProgramService {
  private final Pool pool;
  private final ProgramRepository programs;
  private final TrainingSessionRepository sessions;

  public ProgramService(Pool pool, ProgramRepository programs, TrainingSessionRepository sessions) {
    this.pool = pool;
    this.programs = programs;
    this.sessions = sessions;
  }

  public Future<JsonObject> create(Principal caller, JsonObject body) {
    return programs.insert(pool, caller.requireTrainer(), body).map(program -> program.put("sessions", new JsonArray()));
  }

  /**
   * A new program with program {@code id}'s fields and copies of its sessions, the assigned ones
   * assigned to {@code traineeId}: the same plan for another trainee. Named {@code name}, by default
   * "&lt;name&gt; (copy)".
   */
  public Future<JsonObject> copy(Principal caller, UUID id, UUID traineeId, String name) {
    UUID trainerId = caller.requireTrainer();
    return pool.withTransaction(tx -> programs.find(tx, trainerId, id)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("program")))
        .compose(original -> sessions.traineeExists(tx, trainerId, traineeId).compose(exists -> {
          if (!exists) {
            throw ApiException.notFound("trainee");
          }
          return programs.insert(tx, trainerId, original.copy().put("name", CopyName.of(original.getString("name"), name)));
        }))
        .compose(copy -> sessions.copyAll(tx, id, UUID.fromString(copy.getString("id")), traineeId)
            .compose(v -> withSessions(tx, List.of(copy)))
            .map(copy)));
  }

  public Future<JsonObject> get(Principal caller, UUID id) {
    return programs.find(pool, caller.requireTrainer(), id)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("program")))
        .compose(program -> withSessions(pool, List.of(program)).map(program));
  }

  /** Each listed program comes with its sessions too, all fetched in one query. */
  public Future<JsonObject> list(Principal caller, Page page) {
    return programs.list(pool, caller.requireTrainer(), page.afterString(0), page.afterUuid(1), page.fetchSize())
        .map(page::keyedBody)
        .compose(body -> withSessions(pool, Page.items(body)).map(body));
  }

  /**
   * The program row stays locked until commit, so no session can be added against a duration that
   * is being shortened; a duration shorter than the latest week in use is refused.
   */
  public Future<JsonObject> update(Principal caller, UUID id, JsonObject patch, OptionalInt ifMatch) {
    UUID trainerId = caller.requireTrainer();
    return pool.withTransaction(tx -> Versioned.patch(programs.findForUpdate(tx, trainerId, id), "program", ifMatch,
            patch, merged -> merged,
            (merged, version) -> requireWeeksInUseFit(tx, merged)
                .compose(v -> programs.update(tx, trainerId, merged, version)))
        .compose(program -> withSessions(tx, List.of(program)).map(program)));
  }

  public Future<Void> delete(Principal caller, UUID id, OptionalInt ifMatch) {
    UUID trainerId = caller.requireTrainer();
    return Versioned.delete(programs.find(pool, trainerId, id), "program", ifMatch,
        version -> programs.delete(pool, trainerId, id, version));
  }

  private Future<Void> requireWeeksInUseFit(SqlClient tx, JsonObject program) {
    Integer weeks = program.getInteger("durationWeeks");
    if (weeks == null) {
      return Future.succeededFuture();
    }
    return sessions.latestWeek(tx, UUID.fromString(program.getString("id"))).map(latest -> {
      if (latest != null && latest > weeks) {
        throw ApiException.invalidField("durationWeeks", "must be at least " + latest + ", the latest week that has a session");
      }
      return null;
    });
  }

  /** Puts each program's {@code sessions} on it. */
  private Future<Void> withSessions(SqlClient db, List<JsonObject> programList) {
    Map<String, JsonArray> byProgram = new HashMap<>();
    programList.forEach(program -> byProgram.put(program.getString("id"), new JsonArray()));
    if (byProgram.isEmpty()) {
      return Future.succeededFuture();
    }
    return sessions.allOf(db, byProgram.keySet().stream().map(UUID::fromString).toList()).map(all -> {
      all.forEach(session -> byProgram.get(session.getString("programId")).add(session));
      programList.forEach(program -> program.put("sessions", byProgram.get(program.getString("id"))));
      return null;
    });
  }
}
