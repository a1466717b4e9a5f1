package app.spotter.program;

import static app.spotter.auth.AccessGuard.principal;
import static app.spotter.http.Requests.body;
import static app.spotter.http.Requests.ifMatch;
import static app.spotter.http.Requests.page;
import static app.spotter.http.Requests.pathId;

import app.spotter.http.ApiRoutes;
import app.spotter.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.UUID;

/** {@code /programs} and their {@code /sessions}: parse, call the services, respond. */
public final class ProgramRoutes implements ApiRoutes {
  private final ProgramService programs;
  private final TrainingSessionService sessions;

  public ProgramRoutes(ProgramService programs, TrainingSessionService sessions) {
    this.programs = programs;
    this.sessions = sessions;
  }

  @Override
  public void mount(RouterBuilder builder) {
    builder.getRoute("listPrograms").addHandler(this::list);
    builder.getRoute("createProgram").addHandler(this::create);
    builder.getRoute("getProgram").addHandler(this::get);
    builder.getRoute("updateProgram").addHandler(this::update);
    builder.getRoute("deleteProgram").addHandler(this::delete);
    builder.getRoute("copyProgram").addHandler(this::copy);
    builder.getRoute("listProgramSessions").addHandler(this::listSessions);
    builder.getRoute("createProgramSession").addHandler(this::createSession);
    builder.getRoute("updateProgramSession").addHandler(this::updateSession);
    builder.getRoute("deleteProgramSession").addHandler(this::deleteSession);
  }

  private void list(RoutingContext ctx) {
    programs.list(principal(ctx), page(ctx))
        .compose(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    programs.create(principal(ctx), body(ctx))
        .compose(program -> Responses.created(ctx, location(program.getString("id")), program))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    programs.get(principal(ctx), programId(ctx))
        .compose(program -> Responses.ok(ctx, program))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    programs.update(principal(ctx), programId(ctx), body(ctx), ifMatch(ctx))
        .compose(program -> Responses.ok(ctx, program))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    programs.delete(principal(ctx), programId(ctx), ifMatch(ctx))
        .compose(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private void copy(RoutingContext ctx) {
    JsonObject body = body(ctx);
    programs.copy(principal(ctx), programId(ctx), UUID.fromString(body.getString("traineeId")), body.getString("name"))
        .compose(copy -> Responses.created(ctx, location(copy.getString("id")), copy))
        .onFailure(ctx::fail);
  }

  private void listSessions(RoutingContext ctx) {
    sessions.list(principal(ctx), programId(ctx), page(ctx))
        .compose(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void createSession(RoutingContext ctx) {
    UUID programId = programId(ctx);
    sessions.create(principal(ctx), programId, body(ctx))
        .compose(session -> Responses.created(ctx,
            location(programId.toString()) + "/sessions/" + session.getString("id"), session))
        .onFailure(ctx::fail);
  }

  private void updateSession(RoutingContext ctx) {
    sessions.update(principal(ctx), programId(ctx), sessionId(ctx), body(ctx), ifMatch(ctx))
        .compose(session -> Responses.ok(ctx, session))
        .onFailure(ctx::fail);
  }

  private void deleteSession(RoutingContext ctx) {
    sessions.delete(principal(ctx), programId(ctx), sessionId(ctx), ifMatch(ctx))
        .compose(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private static UUID programId(RoutingContext ctx) {
    return pathId(ctx, "id", "program");
  }

  private static UUID sessionId(RoutingContext ctx) {
    return pathId(ctx, "sessionId", "training session");
  }

  static String location(String programId) {
    return "/api/v1/programs/" + programId;
  }
}
