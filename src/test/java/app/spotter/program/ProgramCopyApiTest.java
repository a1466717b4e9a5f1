package app.spotter.program;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProgramCopyApiTest extends ApiTest {

  private String program(Trainer trainer, String assignedTo) {
    String id = trainer.api().post("/programs", new JsonObject().put("name", "Strength block").put("durationWeeks", 4))
        .json().getString("id");
    trainer.api().post("/programs/" + id + "/sessions",
        new JsonObject().put("name", "Lower A").put("weekNumber", 1).put("traineeId", assignedTo));
    trainer.api().post("/programs/" + id + "/sessions", new JsonObject().put("name", "Open day").put("weekNumber", 2));
    return id;
  }

  @Test
  @DisplayName("a copy for another trainee has the sessions, the assigned ones now the new trainee's")
  void copy() {
    Trainer trainer = registerTrainer();
    String maria = createTrainee(trainer.api(), "Maria");
    String tom = createTrainee(trainer.api(), "Tom");
    String original = program(trainer, maria);

    Reply copy = trainer.api().post("/programs/" + original + "/copy", new JsonObject().put("traineeId", tom));

    assertThat(copy.status()).as(copy.toString()).isEqualTo(201);
    JsonObject body = copy.json();
    assertThat(copy.header("Location")).isEqualTo("/api/v1/programs/" + body.getString("id"));
    assertThat(body.getString("name")).isEqualTo("Strength block (copy)");
    assertThat(body.getInteger("durationWeeks")).isEqualTo(4);
    assertThat(body.getJsonArray("sessions")).hasSize(2);
    JsonObject lower = body.getJsonArray("sessions").getJsonObject(0);
    assertThat(lower.getString("name")).isEqualTo("Lower A");
    assertThat(lower.getString("traineeId")).isEqualTo(tom);
    assertThat(lower.getString("programId")).isEqualTo(body.getString("id"));
    assertThat(body.getJsonArray("sessions").getJsonObject(1).getString("traineeId")).isNull();
    JsonObject untouched = trainer.api().get("/programs/" + original).json();
    assertThat(untouched.getJsonArray("sessions").getJsonObject(0).getString("traineeId")).isEqualTo(maria);
    assertThat(trainer.api().get("/programs/" + body.getString("id")).json().getJsonArray("sessions"))
        .isEqualTo(body.getJsonArray("sessions"));
  }

  @Test
  @DisplayName("a copy takes the name given")
  void named() {
    Trainer trainer = registerTrainer();
    String tom = createTrainee(trainer.api(), "Tom");

    Reply copy = trainer.api().post("/programs/" + program(trainer, null) + "/copy",
        new JsonObject().put("traineeId", tom).put("name", "Tom's block"));

    assertThat(copy.json().getString("name")).isEqualTo("Tom's block");
  }

  @Test
  @DisplayName("another trainer's program or trainee is 404, a missing trainee 400, and nothing is created")
  void refused() {
    Trainer owner = registerTrainer();
    Trainer other = registerTrainer();
    String maria = createTrainee(owner.api(), "Maria");
    String stranger = createTrainee(other.api(), "Stranger");
    String original = program(owner, maria);

    Reply foreignProgram = other.api().post("/programs/" + original + "/copy", new JsonObject().put("traineeId", stranger));
    Reply foreignTrainee = owner.api().post("/programs/" + original + "/copy", new JsonObject().put("traineeId", stranger));
    Reply missing = owner.api().post("/programs/" + original + "/copy", new JsonObject().put("name", "x"));

    assertThat(foreignProgram.status()).isEqualTo(404);
    assertThat(foreignTrainee.status()).isEqualTo(404);
    assertThat(foreignTrainee.json().getString("detail")).contains("trainee");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorFields()).contains("traineeId");
    assertThat(stack.count("SELECT count(*) FROM program")).isEqualTo(1);
    assertThat(stack.count("SELECT count(*) FROM training_session")).isEqualTo(2);
  }
}
