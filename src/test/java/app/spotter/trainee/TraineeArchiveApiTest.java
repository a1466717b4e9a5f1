package app.spotter.trainee;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.LiveFixtures;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TraineeArchiveApiTest extends ApiTest {

  private static List<String> names(Reply list) {
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    return list.items().stream().map(t -> ((JsonObject) t).getString("name")).toList();
  }

  @Test
  @DisplayName("an archived trainee leaves the list for ?archived=true, keeps their data, and comes back on restore")
  void archiveAndRestore() {
    Trainer trainer = registerTrainer();
    String maria = createTrainee(trainer.api(), "Maria");
    createTrainee(trainer.api(), "Tom");

    Reply archived = trainer.api().post("/trainees/" + maria + "/archive", null);

    assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
    String at = archived.json().getString("archivedAt");
    assertThat(at).isNotNull();
    assertThat(names(trainer.api().get("/trainees"))).containsExactly("Tom");
    assertThat(names(trainer.api().get("/trainees?archived=false"))).containsExactly("Tom");
    assertThat(names(trainer.api().get("/trainees?archived=true"))).containsExactly("Maria");
    assertThat(trainer.api().get("/trainees/" + maria).json().getString("archivedAt")).isEqualTo(at);
    // Archiving again keeps the first time.
    assertThat(trainer.api().post("/trainees/" + maria + "/archive", null).json().getString("archivedAt")).isEqualTo(at);

    Reply restored = trainer.api().post("/trainees/" + maria + "/restore", null);

    assertThat(restored.status()).isEqualTo(200);
    assertThat(restored.json().getString("archivedAt")).isNull();
    assertThat(names(trainer.api().get("/trainees"))).containsExactly("Maria", "Tom");
  }

  @Test
  @DisplayName("archivedAt cannot be PATCHed: only archive and restore set it")
  void notPatchable() {
    Trainer trainer = registerTrainer();
    String maria = createTrainee(trainer.api(), "Maria");

    Reply patched = trainer.api().patch("/trainees/" + maria, new JsonObject().put("archivedAt", "2026-01-01T00:00:00Z"));

    assertThat(patched.status()).isEqualTo(400);
    assertThat(trainer.api().get("/trainees/" + maria).json().getString("archivedAt")).isNull();
  }

  @Test
  @DisplayName("an archived trainee cannot start a live session (409) and their phone link lets nobody in")
  void archivedIsInactive() {
    Trainer trainer = registerTrainer();
    String maria = createTrainee(trainer.api(), "Maria");
    String link = trainer.api().post("/trainees/" + maria + "/access-links", new JsonObject()).json().getString("token");
    trainer.api().post("/trainees/" + maria + "/archive", null);

    Reply start = trainer.api().post("/live-sessions", new JsonObject().put("traineeId", maria));
    Reply phone = anonymous.post("/trainee-access", new JsonObject().put("token", link));

    assertThat(start.status()).isEqualTo(409);
    assertThat(start.json().getString("detail")).contains("archived");
    assertThat(phone.status()).isEqualTo(401);
    assertThat(stack.count("SELECT count(*) FROM training_session_record")).isZero();

    trainer.api().post("/trainees/" + maria + "/restore", null);

    assertThat(anonymous.post("/trainee-access", new JsonObject().put("token", link)).status()).isEqualTo(200);
    assertThat(LiveFixtures.start(trainer, maria, null).getString("status")).isEqualTo("live");
  }

  @Test
  @DisplayName("another trainer's trainee cannot be archived or restored: 404, and nothing changes")
  void foreign() {
    Trainer owner = registerTrainer();
    Trainer other = registerTrainer();
    String maria = createTrainee(owner.api(), "Maria");

    assertThat(other.api().post("/trainees/" + maria + "/archive", null).status()).isEqualTo(404);
    assertThat(other.api().post("/trainees/" + maria + "/restore", null).status()).isEqualTo(404);
    assertThat(names(owner.api().get("/trainees"))).containsExactly("Maria");
  }

  @Test
  @DisplayName("?q= finds trainees by any part of name or email, ignoring case and accents")
  void search() {
    Trainer trainer = registerTrainer();
    createTrainee(trainer.api(), "José Álvarez");
    trainer.api().post("/trainees", new JsonObject().put("name", "Tom Berg").put("email", "TOM@Example.test"));
    createTrainee(trainer.api(), "100% Effort");

    assertThat(names(trainer.api().get("/trainees?q=jose"))).containsExactly("José Álvarez");
    assertThat(names(trainer.api().get("/trainees?q=ALVA"))).containsExactly("José Álvarez");
    assertThat(names(trainer.api().get("/trainees?q=example"))).containsExactly("Tom Berg");
    assertThat(names(trainer.api().get("/trainees?q=100%25"))).containsExactly("100% Effort");
    assertThat(names(trainer.api().get("/trainees?q=0%25e"))).isEmpty();
  }

  @Test
  @DisplayName("?archived= takes only true or false")
  void badArchived() {
    Trainer trainer = registerTrainer();

    Reply reply = trainer.api().get("/trainees?archived=yes");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorFields()).contains("archived");
  }
}
