package app.spotter.infra.db;

import app.spotter.api.ApiException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Optimistic concurrency shared by every PATCH and DELETE: a stale {@code If-Match} gets 409, and so
 * does a write that loses a race (the UPDATE names the version it read). Never a silent overwrite.
 */
public final class Versioned {
  private Versioned() {}

  private static final int ATTEMPTS_WITHOUT_IF_MATCH = 5;

  /**
   * Like {@link #patch(Future, String, OptionalInt, JsonObject, UnaryOperator, BiFunction)}, for reads
   * that take no lock: without If-Match the write is meant to be unconditional, so a lost race is
   * retried from a fresh read instead of answered with 409.
   */
  public static Future<JsonObject> patch(Supplier<Future<Optional<JsonObject>>> read, String what, OptionalInt ifMatch,
      JsonObject patch, UnaryOperator<JsonObject> rules,
      BiFunction<JsonObject, Integer, Future<Optional<JsonObject>>> write) {
    return attempt(read, what, ifMatch, patch, rules, write, ifMatch.isPresent() ? 1 : ATTEMPTS_WITHOUT_IF_MATCH);
  }

  private static Future<JsonObject> attempt(Supplier<Future<Optional<JsonObject>>> read, String what,
      OptionalInt ifMatch, JsonObject patch, UnaryOperator<JsonObject> rules,
      BiFunction<JsonObject, Integer, Future<Optional<JsonObject>>> write, int attemptsLeft) {
    return patch(read.get(), what, ifMatch, patch, rules, write).recover(e ->
        attemptsLeft > 1 && e instanceof ApiException api && api.isStaleVersion()
            ? attempt(read, what, ifMatch, patch, rules, write, attemptsLeft - 1)
            : Future.failedFuture(e));
  }

  /**
   * Reads, checks If-Match, merges the partial body (present fields replace, null clears), lets
   * {@code rules} check or complete the merged resource, and writes it at the version read.
   */
  public static Future<JsonObject> patch(Future<Optional<JsonObject>> current, String what, OptionalInt ifMatch,
      JsonObject patch, UnaryOperator<JsonObject> rules,
      BiFunction<JsonObject, Integer, Future<Optional<JsonObject>>> write) {
    return current.compose(found -> {
      JsonObject row = found.orElseThrow(() -> ApiException.notFound(what));
      int version = row.getInteger("version");
      requireMatch(ifMatch, version);
      JsonObject merged = rules.apply(row.copy().mergeIn(patch));
      return write.apply(merged, version).map(written -> written.orElseThrow(ApiException::staleVersion));
    });
  }

  /** Deletes after the same checks; {@code delete} gets the version read and says whether a row went. */
  public static Future<Void> delete(Future<Optional<JsonObject>> current, String what, OptionalInt ifMatch,
      Function<Integer, Future<Boolean>> delete) {
    return current.compose(found -> {
      JsonObject row = found.orElseThrow(() -> ApiException.notFound(what));
      int version = row.getInteger("version");
      requireMatch(ifMatch, version);
      return delete.apply(version).map(deleted -> {
        if (!deleted) {
          throw ApiException.staleVersion();
        }
        return null;
      });
    });
  }

  public static void requireMatch(OptionalInt ifMatch, int version) {
    if (ifMatch.isPresent() && ifMatch.getAsInt() != version) {
      throw ApiException.staleVersion();
    }
  }
}
