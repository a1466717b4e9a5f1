package app.spotter.infra.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Function;

/**
 * A transaction whose ends go out without waiting: {@code BEGIN} with the work's first statements,
 * {@code COMMIT} with its last ones. Postgres runs what one connection sends in order, so neither
 * costs a round trip of its own: a live command under the session lock takes two round trips, not four.
 *
 * <p>The work resolves once it has sent its last statement, to the future of their answers, and
 * COMMIT goes out at that moment. If a statement fails, Postgres aborts the transaction and answers
 * that COMMIT by rolling back. So whatever must not commit unless another write took effect has to
 * fail as a statement (see {@code require_changed}, V5), not as a check of an answer in Java: by
 * the time that answer arrives, COMMIT is on its way. When the work itself fails, before its last
 * statement, the transaction is rolled back. Its statements run on their generic plans.
 */
public final class PipelinedTransaction {
  /**
   * Its statements read and write by key, so each runs on its generic plan, made once per
   * connection. Under {@code auto}, Postgres planned the live event statement afresh at each
   * execution, estimating a custom plan cheaper: 1.2 ms of planning for 0.5 ms of running
   * (docs/perf/history.md, eleventh round). {@code SET LOCAL} ends with the transaction.
   */
  private static final String BEGIN = "BEGIN; SET LOCAL plan_cache_mode = force_generic_plan";

  private PipelinedTransaction() {}

  public static <T> Future<T> run(Pool pool, Function<SqlConnection, Future<Future<T>>> work) {
    return pool.withConnection(conn -> {
      Future<Void> begun = send(conn, BEGIN);
      return start(work, conn).transform(sent -> {
        if (sent.failed()) {
          return send(conn, "ROLLBACK").transform(ignored -> Future.<T>failedFuture(sent.cause()));
        }
        Future<T> answered = sent.result();
        Future<Void> committed = send(conn, "COMMIT");
        return Future.join(begun, answered, committed).transform(all -> {
          if (begun.failed()) {
            return Future.failedFuture(begun.cause());
          }
          return answered.failed() ? answered : committed.map(answered.result());
        });
      });
    });
  }

  private static Future<Void> send(SqlConnection conn, String statement) {
    return conn.query(statement).execute().mapEmpty();
  }

  /** The work's future, also when it throws: statements may be out already (a lock among them), so the transaction must still end. */
  private static <T> Future<Future<T>> start(Function<SqlConnection, Future<Future<T>>> work, SqlConnection conn) {
    try {
      return work.apply(conn);
    } catch (Throwable e) {
      return Future.failedFuture(e);
    }
  }
}
