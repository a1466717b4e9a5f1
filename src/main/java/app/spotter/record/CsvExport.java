package app.spotter.record;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * RFC 4180 CSV: a header, then one line per set ({@link ExportRepository#SET_COLUMNS}), CRLF line ends.
 * Safe to open in a spreadsheet: a text cell that would start a formula is prefixed with {@code '}.
 */
final class CsvExport implements ExportFormat {
  private static final String LINE_END = "\r\n";
  /** The columns holding numbers: a plain number there is data, even a negative one, and stays as it is. */
  private static final Set<String> NUMBER_COLUMNS = Set.of("orderIndex", "setNumber", "reps", "weight", "rpe", "rir",
      "durationSeconds", "distanceMeters");
  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  /** What makes Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP "CSV injection"). */
  private static final String FORMULA_STARTS = "=+-@\t\r";

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
      String value = row.getString(i);
      boolean number = NUMBER_COLUMNS.contains(ExportRepository.SET_COLUMNS.get(i));
      line.append(i == 0 ? "" : ",").append(field(number ? numberCell(value) : textCell(value)));
    }
    return Buffer.buffer(line.append(LINE_END).toString());
  }

  @Override
  public Buffer end() {
    return Buffer.buffer();
  }

  /** A text cell that a spreadsheet would take for a formula is prefixed with {@code '}, which shows it as text. */
  static String textCell(String value) {
    return value != null && !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  /** A plain number (the database writes them so) stays a number; anything else there is text. */
  static String numberCell(String value) {
    return value == null || PLAIN_NUMBER.matcher(value).matches() ? value : textCell(value);
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
