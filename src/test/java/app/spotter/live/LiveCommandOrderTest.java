package app.spotter.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.LiveClient;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LiveCommandOrderTest extends LiveTest {

  @Test
  @DisplayName("commands sent back to back on one socket (a replayed offline queue) are applied in the order sent")
  void appliedInSendOrder() {
    startSession();
    LiveClient trainerSocket = trainerSocket(stack.port);
    List<String> commandIds = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      commandIds.add(send(trainerSocket, "log-set", set(squat, "s" + i, 5)));
      commandIds.add(send(trainerSocket, "update-set", new JsonObject().put("exerciseRecordId", squat)
          .put("setId", "s" + i).put("reps", i)));
    }

    List<Long> seqs = new ArrayList<>();
    for (String commandId : commandIds) {
      JsonObject answer = trainerSocket.next(m -> commandId.equals(m.getString("commandId")));
      assertThat(answer.getString("type")).as(answer.encode()).isEqualTo("ack");
      seqs.add(answer.getLong("seq"));
    }
    assertThat(seqs).isEqualTo(range(1, commandIds.size()));
    assertThat(restSetIds(0)).containsExactly("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12");
  }

  private String send(LiveClient client, String name, JsonObject payload) {
    String commandId = UUID.randomUUID().toString();
    client.send(new JsonObject().put("type", "command").put("sessionId", sessionId).put("commandId", commandId)
        .put("name", name).put("payload", payload));
    return commandId;
  }
}
