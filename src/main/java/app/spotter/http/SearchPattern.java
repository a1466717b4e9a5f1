package app.spotter.http;

/** A user's search text as an ILIKE "contains" pattern, with LIKE's wildcards taken literally. */
public final class SearchPattern {
  private SearchPattern() {}

  public static String contains(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String escaped = text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
