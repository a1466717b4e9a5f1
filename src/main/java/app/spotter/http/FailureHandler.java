package app.spotter.http;

import app.spotter.api.ApiException;
import app.spotter.infra.db.Column;
import com.fasterxml.jackson.core.JacksonException;
import io.vertx.core.Handler;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The single error path: every failed request ends here and leaves as application/problem+json. */
public final class FailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);
  /** Unique constraints a client can run into, by name, and what to tell them; any other gets a generic 409. */
  private static final Map<String, String> TAKEN = Map.of(
      "trainer_email_key", "an account with this email already exists",
      "record_one_live_per_trainee", "this trainee already has a live session: end it first",
      "exercise_template_position", "orderIndex is taken by another exercise of this template:"
          + " omit it to append, or use PUT /session-templates/{id}/exercise-order to reorder",
      "exercise_custom_name", "you already have an exercise of this name (case and accents aside)");

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.failure() instanceof HttpClosedException) {
      // The client hung up, or was cut off for missing a deadline (ConnectionDeadlines): nobody to answer.
      return;
    }
    respond(ctx, toProblem(ctx));
  }

  /** For the router's error handlers (no route matched, wrong method): the status is all there is. */
  public Handler<RoutingContext> forStatus(int status) {
    return ctx -> respond(ctx, byStatus(status, null));
  }

  private static void respond(RoutingContext ctx, ApiException problem) {
    if (ctx.response().headWritten()) {
      LOG.warn("{} {} failed after the response started: {}", ctx.request().method(), ctx.request().path(),
          problem.getMessage());
      ctx.response().reset();
      return;
    }
    Problems.send(ctx.response(), problem);
  }

  private static ApiException toProblem(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ApiException api) {
      return api;
    }
    if (failure instanceof HttpException http) {
      if (http.getCause() instanceof ValidatorException validation) {
        return ValidationErrors.toApiException(validation);
      }
      return byStatus(http.getStatusCode(), http.getPayload());
    }
    if (failure instanceof ValidatorException validation) {
      return ValidationErrors.toApiException(validation);
    }
    if (failure instanceof DecodeException || failure instanceof IllegalArgumentException && ctx.statusCode() == 400) {
      return ApiException.invalidField("body", "is not valid JSON");
    }
    if (failure instanceof PgException pg) {
      return fromDatabase(ctx, pg);
    }
    if (failure == null) {
      return byStatus(ctx.statusCode(), null);
    }
    if (storeUnreachable(failure)) {
      LOG.warn("{} {} failed, a store is unreachable: {}", ctx.request().method(), ctx.request().path(),
          failure.toString());
      return ApiException.unavailable("the database or cache is unreachable right now: try again in a moment");
    }
    LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
    return byStatus(500, null);
  }

  /**
   * Postgres or Redis out of reach: a connection refused, reset or closed under a request (socket
   * I/O; request handlers touch no files), or a wait for a pooled connection that ran out. Jackson's
   * exceptions are I/O exceptions by type but bugs of ours: they stay 500s with their stack trace.
   */
  private static boolean storeUnreachable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof IOException && !(t instanceof JacksonException)
          || t instanceof ClosedConnectionException
          || t instanceof TimeoutException
          || t instanceof ConnectionPoolTooBusyException) {
        return true;
      }
    }
    return false;
  }

  private static ApiException fromDatabase(RoutingContext ctx, PgException pg) {
    String state = pg.getSqlState() == null ? "" : pg.getSqlState();
    switch (state) {
      case "23505":
        return ApiException.conflict(TAKEN.getOrDefault(String.valueOf(pg.getConstraint()), "this already exists"));
      case "23503":
        return ApiException.notFound("a referenced resource");
      case "23514":
        return checkViolated(pg);
      case "22001":
      case "22003":
      case "22007":
      case "22008":
      case "22P02":
      case "22P05":
      case "22021":
        // The database's own text names its internals, not the request's fields: it stays in the log.
        LOG.warn("{} {} sent a value the database refused: {}", ctx.request().method(), ctx.request().path(),
            pg.getErrorMessage());
        return ApiException.badRequest("a value cannot be stored: it is too long, out of range or not valid text",
            List.of());
      case "40001":
      case "40P01":
        return ApiException.conflict("a concurrent change got there first: try again");
      default:
        LOG.error("{} {} failed in the database", ctx.request().method(), ctx.request().path(), pg);
        return byStatus(500, null);
    }
  }

  /**
   * A column CHECK is named {@code <table>_<column>_check} by Postgres, which names the field; a
   * domain's check (V19) names the domain only; other checks (across columns) name the rule.
   */
  private static ApiException checkViolated(PgException pg) {
    String constraint = pg.getConstraint() == null ? "" : pg.getConstraint();
    String table = pg.getTable() == null ? "" : pg.getTable();
    if (table.isEmpty() && pg.getDataType() != null) {
      return ApiException.badRequest("a value is outside the range of " + pg.getDataType(), List.of());
    }
    if (constraint.startsWith(table + "_") && constraint.endsWith("_check")) {
      String column = constraint.substring(table.length() + 1, constraint.length() - "_check".length());
      return ApiException.invalidField(Column.camel(column), "is out of the allowed range");
    }
    return ApiException.badRequest("the values break the rule " + constraint, List.of());
  }

  private static ApiException byStatus(int status, String payload) {
    return switch (status) {
      case 400 -> ApiException.badRequest(payload != null ? payload : "the request is malformed", List.of());
      case 401 -> ApiException.unauthorized("a valid token is required");
      case 403 -> ApiException.forbidden("this token may not do that");
      case 404 -> ApiException.notFound("resource");
      case 405 -> ApiException.of(405, "Method Not Allowed", "this resource does not support that method");
      case 413 -> ApiException.of(413, "Payload Too Large", "the request body is larger than 1 MiB");
      case 415 -> ApiException.of(415, "Unsupported Media Type", "send the body as application/json");
      default -> ApiException.of(500, "Internal Server Error", "something went wrong on our side; it has been logged");
    };
  }
}
