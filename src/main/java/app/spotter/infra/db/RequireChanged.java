package app.spotter.infra.db;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

/**
 * Statements guarded by V5's {@code require_changed}: a version-checked write that nobody waits for
 * fails as a statement when it matched no row, so that the transaction it is in cannot commit.
 */
public final class RequireChanged {
  /** The SQLSTATE require_changed raises. */
  private static final String CHANGED_MEANWHILE = "SP409";

  private RequireChanged() {}

  /** True once the statement is done; false when its row had changed meanwhile (the transaction is then aborted). */
  public static Future<Boolean> done(Future<RowSet<Row>> statement) {
    return statement.map(rows -> true).recover(e -> e instanceof PgException pg && CHANGED_MEANWHILE.equals(pg.getSqlState())
        ? Future.succeededFuture(false) : Future.failedFuture(e));
  }
}
