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

    assertThat(acks(trainerSocket, commandIds)).isEqualTo(range(1, commandIds.size()));
    assertThat(restSetIds(0)).containsExactly("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12");
  }

  @Test
  @DisplayName("two devices logging sets on one exercise at once: every set lands, one after another, none rejected")
  void twoDevicesAtOnce() {
    startSession();
    LiveClient tablet = trainerSocket(stack.port);
    LiveClient phone = trainerSocket(stack.port);
    List<String> fromTablet = new ArrayList<>();
    List<String> fromPhone = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      fromTablet.add(send(tablet, "log-set", set(squat, "t" + i, 5)));
      fromPhone.add(send(phone, "log-set", set(squat, "p" + i, 5)));
    }

    List<Long> seqs = new ArrayList<>(acks(tablet, fromTablet));
    seqs.addAll(acks(phone, fromPhone));

    assertThat(seqs).containsExactlyInAnyOrderElementsOf(range(1, 24));
    assertThat(restSetIds(0)).hasSize(24).containsAll(List.of("t1", "t12", "p1", "p12"));
  }

  private static List<Long> acks(LiveClient client, List<String> commandIds) {
    List<Long> seqs = new ArrayList<>();
    for (String commandId : commandIds) {
      JsonObject answer = client.next(m -> commandId.equals(m.getString("commandId")));
      assertThat(answer.getString("type")).as(answer.encode()).isEqualTo("ack");
      seqs.add(answer.getLong("seq"));
    }
    return seqs;
  }

  private String send(LiveClient client, String name, JsonObject payload) {
    String commandId = UUID.randomUUID().toString();
    client.send(new JsonObject().put("type", "command").put("sessionId", sessionId).put("commandId", commandId)
        .put("name", name).put("payload", payload));
    return commandId;
  }
}
