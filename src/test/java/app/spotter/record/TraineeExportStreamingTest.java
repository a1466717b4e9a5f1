package app.spotter.record;

import static app.spotter.record.RecordFixtures.record;
import static app.spotter.record.RecordFixtures.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.spotter.support.ApiTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The export over a raw socket, to see what a slow or vanishing client does to the server's cursor. */
class TraineeExportStreamingTest extends ApiTest {
  private static final int RECORDS = 12;
  private static final int EXERCISES = 10;
  private static final int SETS = 90;
  /** Exports whose cursor is open and waiting: the transaction stays open between fetches. */
  private static final String PAUSED_EXPORTS = "SELECT count(*) FROM pg_stat_activity"
      + " WHERE state = 'idle in transaction' AND query LIKE '%LEFT JOIN exercise_set%'";

  private Trainer trainer;
  private String traineeId;

  /** About 11 MB of CSV: far more than the socket buffers between server and client hold. */
  private void largeHistory() {
    trainer = registerTrainer();
    traineeId = createTrainee(trainer.api(), "Big Data Bob");
    String note = "n".repeat(900);
    for (int r = 0; r < RECORDS; r++) {
      JsonObject body = record(traineeId, "2026-10-" + (10 + r));
      for (int e = 0; e < EXERCISES; e++) {
        JsonArray sets = new JsonArray();
        for (int s = 0; s < SETS; s++) {
          sets.add(set("s" + s, 5, 100).put("notes", note));
        }
        body.getJsonArray("exercises").add(new JsonObject().put("exerciseName", "Lift " + e).put("sets", sets));
      }
      assertThat(trainer.api().post("/session-records", body).status()).isEqualTo(201);
    }
  }

  private Socket requestCsvExport() throws IOException {
    String token = anonymous.post("/auth/login", new JsonObject().put("email", trainer.email()).put("password", PASSWORD))
        .json().getString("accessToken");
    Socket socket = new Socket();
    socket.setReceiveBufferSize(8192);
    socket.connect(new InetSocketAddress("localhost", stack.port));
    socket.getOutputStream().write(("GET /api/v1/trainees/" + traineeId + "/export?format=csv HTTP/1.1\r\n"
        + "Host: localhost\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    return socket;
  }

  @Test
  @DisplayName("a client that does not read holds the export paused mid-cursor, and still gets all of it")
  void slowReader() throws Exception {
    largeHistory();
    try (Socket socket = requestCsvExport()) {
      await().atMost(Duration.ofSeconds(10)).until(() -> stack.count(PAUSED_EXPORTS) == 1);
      Thread.sleep(500);
      assertThat(stack.count(PAUSED_EXPORTS)).as("still paused while nobody reads").isEqualTo(1);

      String csv = chunkedBody(new BufferedInputStream(socket.getInputStream()));

      assertThat(csv.split("\r\n")).hasSize(1 + RECORDS * EXERCISES * SETS);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> stack.count(PAUSED_EXPORTS) == 0);
  }

  @Test
  @DisplayName("a client that leaves mid-export ends the export's transaction")
  void clientLeaves() throws Exception {
    largeHistory();
    try (Socket socket = requestCsvExport()) {
      await().atMost(Duration.ofSeconds(10)).until(() -> stack.count(PAUSED_EXPORTS) == 1);
      assertThat(socket.getInputStream().readNBytes(1000)).hasSize(1000);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> stack.count(PAUSED_EXPORTS) == 0);
    assertThat(trainer.api().get("/trainees/" + traineeId + "/export").status()).isEqualTo(200);
  }

  /** Skips the status line and headers, then joins the chunks of a chunked body. */
  private static String chunkedBody(InputStream in) throws IOException {
    while (!line(in).isEmpty()) {
      // status line and headers
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
      body.write(in.readNBytes(size));
      line(in);
    }
    return body.toString(StandardCharsets.UTF_8);
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder out = new StringBuilder();
    for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
      if (c != '\r') {
        out.append((char) c);
      }
    }
    return out.toString();
  }
}
