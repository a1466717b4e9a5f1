package app.spotter.program;

import app.spotter.http.ApiException;
import app.spotter.http.Page;
import io.vertx.core.json.JsonArray;
import java.util.function.Function;

/** Reads a page cursor back into its sort key; a forged or foreign cursor is the client's error (400), not a 500. */
final class Cursors {
  private Cursors() {}

  /** Null on the first page. */
  static <T> T after(Page page, Function<JsonArray, T> read) {
    if (page.after() == null) {
      return null;
    }
    try {
      return read.apply(page.after());
    } catch (RuntimeException e) {
      throw ApiException.invalidField("cursor", "is not a cursor this server handed out");
    }
  }
}
