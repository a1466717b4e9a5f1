package app.spotter.record;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** How an export turns the trainee and their history rows into bytes, a piece at a time. */
interface ExportFormat {
  /** The query whose rows {@link #row} expects. */
  ExportRepository.Query query();

  String contentType();

  String extension();

  Buffer start(JsonObject trainee);

  /** The text for one row; may be empty while the format gathers a unit (a record) it writes whole. */
  Buffer row(Row row);

  Buffer end();
}
