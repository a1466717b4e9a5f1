package app.spotter.live.command;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.UUID;

/**
 * SQL of the answers commands got, so that a repeated commandId gets its first answer again: an
 * accepted command's is its event (the event log holds its commandId), a final rejection is kept in
 * live_command_rejection (V6) for {@link RejectionRetention#KEPT}.
 */
public final class CommandAnswers {
  /** Columns with the answer command $2 of session $1 got before, for a statement to read beside its own. */
  static final String EARLIER =
      "(SELECT seq FROM live_session_event WHERE session_record_id = $1 AND command_id = $2) AS command_seq,"
      + " (SELECT answer FROM live_command_rejection WHERE session_record_id = $1 AND command_id = $2) AS rejection";
  /**
   * A statement of its own, sent right behind the session's lock: a statement reads the snapshot taken
   * before it waited for a lock, so as part of the lock it would miss an original that committed while
   * its repeat waited, and the repeat's reads would then see the original's effects without its event.
   */
  private static final String EARLIER_UNDER_LOCK = "SELECT " + EARLIER;
  /**
   * Nothing for a session that does not exist, nor for a command that was applied meanwhile (a copy
   * racing its original); a second rejection of one command keeps the first.
   */
  private static final String REMEMBER = "INSERT INTO live_command_rejection (session_record_id, command_id, answer)"
      + " SELECT id, $2, $3 FROM training_session_record WHERE id = $1"
      + " AND NOT EXISTS (SELECT 1 FROM live_session_event WHERE session_record_id = $1 AND command_id = $2)"
      + " ON CONFLICT DO NOTHING";
  private static final String FORGET = "DELETE FROM live_command_rejection WHERE created_at < now() - make_interval(secs => $1)";

  /** The seq of a command's event, or its final rejection, or neither (both null): the command is new. */
  record Earlier(Long seq, CommandRejected rejection) {}

  private final Pool pool;

  public CommandAnswers(Pool pool) {
    this.pool = pool;
  }

  /** {@link #EARLIER} as read in {@code row}. */
  static Earlier earlier(Row row) {
    JsonObject rejection = (JsonObject) row.getJson("rejection");
    return new Earlier(row.getLong("command_seq"), rejection == null ? null : CommandRejected.fromJson(rejection));
  }

  /** {@link #EARLIER} for a command that holds its session's lock. */
  Future<Earlier> earlier(SqlClient tx, UUID sessionId, String commandId) {
    return tx.preparedQuery(EARLIER_UNDER_LOCK).execute(Tuple.of(sessionId, commandId))
        .map(rows -> earlier(rows.iterator().next()));
  }

  /** Keeps a final rejection, so that a repeat of the command gets it again. */
  Future<Void> remember(UUID sessionId, String commandId, CommandRejected rejected) {
    return pool.preparedQuery(REMEMBER).execute(Tuple.of(sessionId, commandId, rejected.answer())).mapEmpty();
  }

  /** Deletes the rejections kept longer than {@code kept}; resolves to how many. */
  public Future<Integer> forgetOlderThan(Duration kept) {
    return pool.preparedQuery(FORGET).execute(Tuple.of((double) kept.toSeconds())).map(rows -> rows.rowCount());
  }
}
