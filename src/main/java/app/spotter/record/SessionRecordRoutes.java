package app.spotter.record;

import static app.spotter.auth.AccessGuard.principal;
import static app.spotter.http.Requests.body;
import static app.spotter.http.Requests.ifMatch;
import static app.spotter.http.Requests.page;
import static app.spotter.http.Requests.pathId;
import static app.spotter.http.Requests.query;
import static app.spotter.http.Requests.queryUuid;

import app.spotter.api.ApiException;
import app.spotter.http.ApiRoutes;
import app.spotter.http.Responses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** {@code /session-records} and their exercises: parse, call the services, respond. */
public final class SessionRecordRoutes implements ApiRoutes {
  private final SessionRecordService records;
  private final RecordExerciseService exercises;

  public SessionRecordRoutes(SessionRecordService records, RecordExerciseService exercises) {
    this.records = records;
    this.exercises = exercises;
  }

  @Override
  public void mount(RouterBuilder builder) {
    builder.getRoute("listSessionRecords").addHandler(this::list);
    builder.getRoute("createSessionRecord").addHandler(this::create);
    builder.getRoute("getSessionRecord").addHandler(this::get);
    builder.getRoute("getSessionSummary").addHandler(this::summary);
    builder.getRoute("updateSessionRecord").addHandler(this::update);
    builder.getRoute("deleteSessionRecord").addHandler(this::delete);
    builder.getRoute("listRecordExercises").addHandler(this::listExercises);
    builder.getRoute("createRecordExercise").addHandler(this::createExercise);
    builder.getRoute("updateRecordExercise").addHandler(this::updateExercise);
    builder.getRoute("deleteRecordExercise").addHandler(this::deleteExercise);
  }

  private void list(RoutingContext ctx) {
    RecordFilter filter = new RecordFilter(queryUuid(ctx, "traineeId"), queryTime(ctx, "from"), queryTime(ctx, "to"),
        query(ctx, "status"), query(ctx, "exercise"));
    records.list(principal(ctx), filter, page(ctx))
        .compose(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    records.create(principal(ctx), body(ctx))
        .compose(record -> Responses.created(ctx, location(record.getString("id")), record))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    records.get(principal(ctx), recordId(ctx))
        .compose(record -> Responses.ok(ctx, record))
        .onFailure(ctx::fail);
  }

  private void summary(RoutingContext ctx) {
    records.summary(principal(ctx), recordId(ctx))
        .compose(summary -> Responses.ok(ctx, summary))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    records.update(principal(ctx), recordId(ctx), body(ctx), ifMatch(ctx))
        .compose(record -> Responses.ok(ctx, record))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    records.delete(principal(ctx), recordId(ctx), ifMatch(ctx))
        .compose(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private void listExercises(RoutingContext ctx) {
    exercises.list(principal(ctx), recordId(ctx), page(ctx))
        .compose(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void createExercise(RoutingContext ctx) {
    exercises.create(principal(ctx), recordId(ctx), body(ctx))
        .compose(e -> Responses.created(ctx,
            location(e.getString("sessionRecordId")) + "/exercises/" + e.getString("id"), e))
        .onFailure(ctx::fail);
  }

  private void updateExercise(RoutingContext ctx) {
    exercises.update(principal(ctx), recordId(ctx), exerciseId(ctx), body(ctx), ifMatch(ctx))
        .compose(e -> Responses.ok(ctx, e))
        .onFailure(ctx::fail);
  }

  private void deleteExercise(RoutingContext ctx) {
    exercises.delete(principal(ctx), recordId(ctx), exerciseId(ctx), ifMatch(ctx))
        .compose(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private static UUID recordId(RoutingContext ctx) {
    return pathId(ctx, "id", "session record");
  }

  private static UUID exerciseId(RoutingContext ctx) {
    return pathId(ctx, "exerciseId", "exercise record");
  }

  private static OffsetDateTime queryTime(RoutingContext ctx, String name) {
    String value = query(ctx, name);
    try {
      return value == null ? null : OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalidField(name, "must be a date-time such as 2025-11-01T00:00:00Z");
    }
  }

  static String location(String id) {
    return "/api/v1/session-records/" + id;
  }
}
