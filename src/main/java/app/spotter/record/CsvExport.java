package app.spotter.record;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** RFC 4180 CSV: a header, then one line per set ({@link ExportRepository#SET_COLUMNS}), CRLF line ends. */
final class CsvExport implements ExportFormat {
  private static final String LINE_END = "\r\n";

  @Override
  public ExportRepository.Query query() {
    return ExportRepository.Query.SETS;
  }

  @Override
  public String contentType() {
    return "text/csv; charset=utf-8";
  }

  @Override
  public String extension() {
    return "csv";
  }

  @Override
  public Buffer start(JsonObject trainee) {
    return Buffer.buffer(String.join(",", ExportRepository.SET_COLUMNS) + LINE_END);
  }

  @Override
  public Buffer row(Row row) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < ExportRepository.SET_COLUMNS.size(); i++) {
      line.append(i == 0 ? "" : ",").append(field(row.getString(i)));
    }
    return Buffer.buffer(line.append(LINE_END).toString());
  }

  @Override
  public Buffer end() {
    return Buffer.buffer();
  }

  /** Quoted only when it must be: a comma, quote or line break inside; quotes doubled. Null is empty. */
  static String field(String value) {
    if (value == null) {
      return "";
    }
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
