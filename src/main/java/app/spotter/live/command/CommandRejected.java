package app.spotter.live.command;

import app.spotter.api.FieldError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** A command the server refuses; becomes a {@code rejected} message. Codes are the contract's. */
public final class CommandRejected extends RuntimeException {
  private final String code;
  private final List<FieldError> errors;
  private final boolean toRemember;

  private CommandRejected(String code, String message, List<FieldError> errors) {
    this(code, message, errors, !code.equals("rate-limited") && !code.equals("unavailable"));
  }

  private CommandRejected(String code, String message, List<FieldError> errors, boolean toRemember) {
    super(message, null, false, false);
    this.code = code;
    this.errors = List.copyOf(errors);
    this.toRemember = toRemember;
  }

  public static CommandRejected invalid(String message, List<FieldError> errors) {
    return new CommandRejected("invalid", message, errors);
  }

  public static CommandRejected invalidField(String field, String message) {
    return invalid(field + ": " + message, List.of(new FieldError(field, message)));
  }

  public static CommandRejected forbidden(String message) {
    return new CommandRejected("forbidden", message, List.of());
  }

  public static CommandRejected conflict(String message) {
    return new CommandRejected("conflict", message, List.of());
  }

  public static CommandRejected notFound(String message) {
    return new CommandRejected("not-found", message, List.of());
  }

  /**
   * The session does not exist or is not the sender's. Not remembered: a repeat gets it anyway, and
   * it must not be kept with another trainer's session.
   */
  public static CommandRejected noSuchSession() {
    return new CommandRejected("not-found", "no such session", List.of(), false);
  }

  static CommandRejected noSuchExercise() {
    return notFound("no such exercise record in this session");
  }

  public static CommandRejected rateLimited() {
    return new CommandRejected("rate-limited", "too many commands: slow down and retry", List.of());
  }

  public static CommandRejected unavailable(String message) {
    return new CommandRejected("unavailable", message, List.of());
  }

  public static CommandRejected sessionEnded() {
    return new CommandRejected("session-ended", "this session has ended", List.of());
  }

  /** Reads back a rejection's {@link #answer}: one remembered already. */
  static CommandRejected fromJson(JsonObject json) {
    JsonArray errors = json.getJsonArray("errors", new JsonArray());
    return new CommandRejected(json.getString("code"), json.getString("message"), errors.stream()
        .map(e -> (JsonObject) e)
        .map(e -> new FieldError(e.getString("field"), e.getString("message")))
        .toList(), false);
  }

  public String code() {
    return code;
  }

  /**
   * Whether a repeat of the command must get this answer from memory: final answers, not retryable
   * ones (the contract's rule), and not one that was read from there.
   */
  boolean isToRemember() {
    return toRemember;
  }

  /** The {@code rejected} message. */
  public JsonObject toJson(String commandId) {
    return new JsonObject().put("type", "rejected").put("commandId", commandId).mergeIn(answer());
  }

  /** Code, message and field errors: what {@link #fromJson} reads back. */
  JsonObject answer() {
    JsonObject json = new JsonObject().put("code", code).put("message", getMessage());
    if (!errors.isEmpty()) {
      json.put("errors", new JsonArray(errors.stream().map(FieldError::toJson).toList()));
    }
    return json;
  }
}
