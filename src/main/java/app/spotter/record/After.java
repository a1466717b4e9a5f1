package app.spotter.record;

import app.spotter.http.ApiException;
import app.spotter.http.Page;
import java.util.UUID;
import java.util.function.Function;

/** Where a keyset page continues: the last item's sort value and id, read from the client's cursor (both null at first). */
record After<T>(T value, UUID id) {
  static <T> After<T> of(Page page, Function<Object, T> value) {
    if (page.after() == null) {
      return new After<>(null, null);
    }
    try {
      return new After<>(value.apply(page.after().getValue(0)), UUID.fromString(page.afterString(1)));
    } catch (RuntimeException e) {
      throw ApiException.invalidField("cursor", "is not a cursor this server handed out");
    }
  }
}
