package app.spotter.http;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 3339 allows a date-time's offset up to ±23:59; Java's {@code ZoneOffset} stops at ±18:00, and
 * so do the contract's validator and every parser behind it. A request's date-time with such an
 * offset is therefore rewritten, before anything else reads it, to the same instant in UTC.
 */
final class WideOffsets {
  private static final Pattern DATE_TIME = Pattern.compile(
      "(\\d{4}-\\d{2}-\\d{2})[Tt](\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)([+-])(\\d{2}):(\\d{2})");
  private static final int JAVA_MAX_OFFSET_SECONDS = 18 * 3600;

  private WideOffsets() {}

  /** The same instant in UTC if {@code text} is a date-time whose offset Java cannot hold; else {@code text}. */
  static String inUtc(String text) {
    Matcher m = DATE_TIME.matcher(text);
    if (!m.matches()) {
      return text;
    }
    int hours = Integer.parseInt(m.group(4));
    int minutes = Integer.parseInt(m.group(5));
    int seconds = hours * 3600 + minutes * 60;
    if (seconds <= JAVA_MAX_OFFSET_SECONDS || hours > 23 || minutes > 59) {
      return text;
    }
    try {
      LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + m.group(2));
      LocalDateTime utc = local.minusSeconds(m.group(3).equals("+") ? seconds : -seconds);
      return utc.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      return text; // not a real date: the validator names it
    }
  }
}
