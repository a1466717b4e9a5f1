package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.LiveClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An exercise record's sets as the live set commands leave them: order, numbers, version. */
class LiveSetsTest extends LiveTest {

  @Test
  @DisplayName("each set command moves the exercise record's version on by one; sets stay in order, numbered 1..n")
  void versionsAndNumbers() {
    startSession();
    LiveClient socket = trainerSocket(stack.port);
    int version = squat().getInteger("version");

    ack(socket, "log-set", set(squat, "a", 5));
    ack(socket, "log-set", set(squat, "b", 6));
    ack(socket, "log-set", set(squat, "c", 7));
    assertThat(squat().getInteger("version")).isEqualTo(version + 3);
    ack(socket, "update-set", new JsonObject().put("exerciseRecordId", squat).put("setId", "b").put("reps", 9));
    ack(socket, "record-rpe", new JsonObject().put("exerciseRecordId", squat).put("setId", "c").put("rpe", 8.5));
    ack(socket, "delete-set", new JsonObject().put("exerciseRecordId", squat).put("setId", "a"));
    ack(socket, "log-set", set(squat, "d", 4));

    JsonObject exercise = squat();
    assertThat(exercise.getInteger("version")).isEqualTo(version + 7);
    assertThat(exercise.getString("startedAt")).as("started at the first set").isNotNull();
    JsonArray sets = exercise.getJsonArray("sets");
    assertThat(sets.stream().map(s -> ((JsonObject) s).getString("id")).toList()).containsExactly("b", "c", "d");
    assertThat(sets.stream().map(s -> ((JsonObject) s).getInteger("number")).toList()).containsExactly(1, 2, 3);
    assertThat(sets.getJsonObject(0).getInteger("reps")).isEqualTo(9);
    assertThat(sets.getJsonObject(1).getDouble("rpe")).isEqualTo(8.5);
    assertThat(restSetIds(1)).isEmpty();
  }

  private JsonObject squat() {
    return restRecord().getJsonArray("exercises").getJsonObject(0);
  }
}
