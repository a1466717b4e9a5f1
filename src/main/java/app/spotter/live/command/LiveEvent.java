package app.spotter.live.command;

import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * One accepted change of a live session, as committed to {@code live_session_event} and sent to
 * every subscriber. {@code payload} is the full, unfiltered payload; the fan-out's {@code LiveViews} trims it per role.
 */
public record LiveEvent(UUID sessionId, long seq, String name, JsonObject payload, long serverTime,
    String actorRole, UUID actorId) {

  public JsonObject toJson() {
    JsonObject actor = new JsonObject().put("role", actorRole).put("id", actorId == null ? null : actorId.toString());
    return new JsonObject()
        .put("type", "event")
        .put("sessionId", sessionId.toString())
        .put("seq", seq)
        .put("name", name)
        .put("payload", payload)
        .put("serverTime", serverTime)
        .put("actor", actor);
  }

  public static LiveEvent fromJson(JsonObject json) {
    JsonObject actor = json.getJsonObject("actor", new JsonObject());
    String actorId = actor.getString("id");
    return new LiveEvent(UUID.fromString(json.getString("sessionId")), json.getLong("seq"), json.getString("name"),
        json.getJsonObject("payload", new JsonObject()), json.getLong("serverTime"), actor.getString("role"),
        actorId == null ? null : UUID.fromString(actorId));
  }
}
