package app.spotter.record;

import app.spotter.api.ApiException;
import app.spotter.auth.Principal;
import app.spotter.auth.Role;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** Rules a session record keeps whoever writes it over REST, and what each caller may see of it. */
final class RecordRules {
  static final String LIVE = "live";
  static final String LIVE_ONLY_BY_SOCKET = "live sessions change only through the live socket";

  private RecordRules() {}

  static boolean isLive(JsonObject record) {
    return LIVE.equals(record.getString("status"));
  }

  /** A stored record that is live may not be changed over REST. */
  static Optional<JsonObject> storedNotLive(Optional<JsonObject> found) {
    found.ifPresent(RecordRules::notLive);
    return found;
  }

  /** Neither from live (the stored record) nor to live (the merged one) over REST: 409. */
  static JsonObject notLive(JsonObject record) {
    if (isLive(record)) {
      throw ApiException.conflict(LIVE_ONLY_BY_SOCKET);
    }
    return record;
  }

  /** Keeps the flags the table checks in step with status, and the times in order. */
  static JsonObject withStatusFlagsAndTimes(JsonObject record) {
    String status = record.getString("status");
    record.put("completed", "completed".equals(status)).put("isLive", LIVE.equals(status));
    String start = record.getString("startTime");
    String end = record.getString("endTime");
    if (start != null && end != null && Instant.parse(end).isBefore(Instant.parse(start))) {
      throw ApiException.invalidField("endTime", "must not be before startTime");
    }
    return record;
  }

  /** What the caller may see: a trainee never sees the trainer's notes. */
  static JsonObject view(Principal caller, JsonObject record) {
    if (caller.is(Role.TRAINEE)) {
      record.remove("trainerNotes");
    }
    return record;
  }
}
