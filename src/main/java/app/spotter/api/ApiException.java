package app.spotter.api;

import java.util.List;

/**
 * The one way a handler or service says "this request fails with this status": the failure
 * handler turns it into problem+json. Factories name the common cases.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String title;
  private final List<FieldError> errors;
  private final Long retryAfterSeconds;

  private ApiException(int status, String title, String detail, List<FieldError> errors, Long retryAfterSeconds) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  private static final long UNAVAILABLE_RETRY_SECONDS = 5;

  public static ApiException of(int status, String title, String detail) {
    return new ApiException(status, title, detail, List.of(), null);
  }

  public static ApiException badRequest(String detail, List<FieldError> errors) {
    return new ApiException(400, "Bad Request", detail, errors, null);
  }

  public static ApiException invalidField(String field, String message) {
    return badRequest(field + ": " + message, List.of(new FieldError(field, message)));
  }

  public static ApiException unauthorized(String detail) {
    return new ApiException(401, "Unauthorized", detail, List.of(), null);
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(403, "Forbidden", detail, List.of(), null);
  }

  /** Missing, or belonging to another trainer: the two are indistinguishable on purpose. */
  public static ApiException notFound(String what) {
    return new ApiException(404, "Not Found", what + " not found", List.of(), null);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(409, "Conflict", detail, List.of(), null);
  }

  private static final String STALE = "the resource was changed by someone else: reload it and apply your change again";

  public static ApiException staleVersion() {
    return conflict(STALE);
  }

  public boolean isStaleVersion() {
    return status == 409 && STALE.equals(getMessage());
  }

  public static ApiException gone(String detail) {
    return new ApiException(410, "Gone", detail, List.of(), null);
  }

  public static ApiException tooManyRequests(long retryAfterSeconds) {
    return new ApiException(429, "Too Many Requests",
        "too many attempts: try again in " + retryAfterSeconds + " s", List.of(), retryAfterSeconds);
  }

  /**
   * Postgres or Redis could not be reached: nothing is wrong with the request, so the client keeps
   * its tokens and retries after a few seconds.
   */
  public static ApiException unavailable(String detail) {
    return new ApiException(503, "Service Unavailable", detail, List.of(), UNAVAILABLE_RETRY_SECONDS);
  }

  /** The same problem, telling the client when to come back. */
  public ApiException withRetryAfter(long seconds) {
    return new ApiException(status, title, getMessage(), errors, seconds);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
