package app.spotter.live.command;

import static app.spotter.live.command.LiveCommand.Writes.EVENT_STATEMENT;
import static app.spotter.live.command.LiveCommand.Writes.TRANSACTION;

import app.spotter.webhook.EventType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** add-note, submit-feedback, end-session: changes to the session record itself. */
final class SessionCommands {
  /** The trainer_notes column's limit, which notes added live must stay within. */
  static final int MAX_TRAINER_NOTES = 100_000;
  /** Feedback stays a FreeObject of the REST contract: at most 50 members. */
  static final int MAX_FEEDBACK_MEMBERS = 50;

  private SessionCommands() {}

  static List<LiveCommand> all() {
    return List.of(
        new LiveCommand("add-note", "note-added", "LiveAddNote", LiveCommand.TRAINER, EVENT_STATEMENT,
            SessionCommands::addNote),
        new LiveCommand("submit-feedback", "feedback-submitted", "LiveSubmitFeedback",
            java.util.Set.of(app.spotter.auth.Role.TRAINEE), EVENT_STATEMENT, SessionCommands::submitFeedback),
        // A transaction, for its session.ended webhook event.
        new LiveCommand("end-session", "session-ended", "LiveEndSession", LiveCommand.TRAINER, TRANSACTION,
            SessionCommands::end));
  }

  /** Appends a line to the trainer notes (trainer-private: other roles see the event without its text). */
  private static Future<JsonObject> addNote(CommandContext c) {
    String text = c.payload.getString("text");
    String notes = c.session.trainerNotes;
    String appended = notes == null || notes.isEmpty() ? text : notes + "\n" + text;
    if (appended.length() > MAX_TRAINER_NOTES) {
      return Future.failedFuture(CommandRejected.invalidField("text",
          "the trainer notes would exceed " + MAX_TRAINER_NOTES + " characters"));
    }
    c.session.trainerNotes = appended;
    return Future.succeededFuture(new JsonObject().put("text", text).put("trainerNotes", c.session.trainerNotes));
  }

  private static Future<JsonObject> submitFeedback(CommandContext c) {
    JsonObject merged = (c.session.traineeFeedback == null ? new JsonObject() : c.session.traineeFeedback.copy())
        .mergeIn(c.payload);
    if (merged.size() > MAX_FEEDBACK_MEMBERS) {
      return Future.failedFuture(CommandRejected.invalidField("payload",
          "the feedback would have more than " + MAX_FEEDBACK_MEMBERS + " members"));
    }
    c.session.traineeFeedback = merged;
    return Future.succeededFuture(new JsonObject().put("feedback", c.payload.copy()).put("traineeFeedback", merged));
  }

  /**
   * Completed or abandoned, with its end time; a running timer goes with it. Later commands get
   * session-ended. Webhooks hear of it as {@code session.ended}.
   */
  private static Future<JsonObject> end(CommandContext c) {
    c.session.status = c.payload.getString("status");
    c.session.endTime = c.nowIso();
    c.session.timer = null;
    c.announce(EventType.SESSION_ENDED, new JsonObject()
        .put("sessionRecordId", c.session.id.toString())
        .put("traineeId", c.session.traineeId.toString())
        .put("status", c.session.status)
        .put("endTime", c.session.endTime));
    return Future.succeededFuture(new JsonObject().put("status", c.session.status).put("endTime", c.session.endTime));
  }
}
