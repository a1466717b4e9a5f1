package app.spotter.record;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowStream;

/**
 * Pumps an export's rows into a chunked response with back-pressure: text is gathered into chunks of
 * about {@value #CHUNK_BYTES} bytes, and the cursor is paused while the response's write queue is full
 * (a slow client), resumed when it drains. A client that goes away closes the cursor.
 */
final class ExportPipe {
  static final int CHUNK_BYTES = 16 * 1024;

  private final HttpServerResponse response;
  private final ExportFormat format;
  private final Promise<Void> done = Promise.promise();
  private Buffer pending = Buffer.buffer();

  ExportPipe(HttpServerResponse response, ExportFormat format) {
    this.response = response;
    this.format = format;
  }

  /**
   * Completes once the last rows are handed to the response (what happens to the connection after
   * that no longer concerns the transaction), or fails, and the transaction then rolls back.
   */
  Future<Void> pump(JsonObject trainee, RowStream<Row> rows) {
    response.closeHandler(v -> {
      if (!done.future().isComplete()) {
        rows.close();
        done.tryFail("the client went away during the export");
      }
    });
    response.exceptionHandler(done::tryFail);
    rows.exceptionHandler(done::tryFail);
    rows.endHandler(v -> {
      done.tryComplete();
      response.end(pending.appendBuffer(format.end()));
    });
    pending.appendBuffer(format.start(trainee));
    rows.handler(row -> {
      pending.appendBuffer(format.row(row));
      if (pending.length() >= CHUNK_BYTES) {
        flush(rows);
      }
    });
    return done.future();
  }

  private void flush(RowStream<Row> rows) {
    response.write(pending);
    pending = Buffer.buffer();
    if (response.writeQueueFull()) {
      rows.pause();
      response.drainHandler(v -> rows.resume());
    }
  }
}
