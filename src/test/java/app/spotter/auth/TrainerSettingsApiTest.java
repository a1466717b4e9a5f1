package app.spotter.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.Api;
import app.spotter.support.ApiTest;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code /me}: the trainer's unit, load increment and time zone. */
class TrainerSettingsApiTest extends ApiTest {

  @Test
  @DisplayName("a new trainer works in kg, UTC, and sees the kg default increment of 2.5")
  void defaults() {
    JsonObject me = registerTrainer().api().get("/me").json();
    assertThat(me.getString("unit")).isEqualTo("kg");
    assertThat(me.getDouble("loadIncrement")).isEqualTo(2.5);
    assertThat(me.getString("timeZone")).isEqualTo("UTC");
  }

  @Test
  @DisplayName("switching to lb shows 5 lb while no own increment is set; an own one stays across unit changes")
  void incrementFollowsUnitUntilChosen() {
    Api api = registerTrainer().api();
    Reply lb = api.patch("/me", new JsonObject().put("unit", "lb"));
    assertThat(lb.status()).isEqualTo(200);
    assertThat(lb.json().getDouble("loadIncrement")).isEqualTo(5.0);

    assertThat(api.patch("/me", new JsonObject().put("loadIncrement", 2.5)).json().getDouble("loadIncrement"))
        .isEqualTo(2.5);
    JsonObject kg = api.patch("/me", new JsonObject().put("unit", "kg")).json();
    assertThat(kg.getDouble("loadIncrement")).as("chosen, so kept").isEqualTo(2.5);
    assertThat(stack.count("SELECT count(*) FROM trainer WHERE id = '" + kg.getString("id")
        + "' AND load_increment IS NULL")).as("2.5 kg is the kg default: stored as 'follow the unit'").isEqualTo(1);

    api.patch("/me", new JsonObject().put("loadIncrement", 1.25));
    JsonObject cleared = api.patch("/me", new JsonObject().putNull("loadIncrement").put("unit", "lb")).json();
    assertThat(cleared.getDouble("loadIncrement")).isEqualTo(5.0);
  }

  @Test
  @DisplayName("a time zone is kept as sent and shown by GET; login answers with the settings too")
  void timeZoneRoundTrip() {
    Trainer trainer = registerTrainer();
    Reply patched = trainer.api().patch("/me", new JsonObject().put("timeZone", "America/New_York").put("unit", "lb"));
    assertThat(patched.status()).isEqualTo(200);
    assertThat(trainer.api().get("/me").json().getString("timeZone")).isEqualTo("America/New_York");

    JsonObject login = anonymous.post("/auth/login",
        new JsonObject().put("email", trainer.email()).put("password", PASSWORD)).json().getJsonObject("trainer");
    assertThat(login.getString("timeZone")).isEqualTo("America/New_York");
    assertThat(login.getString("unit")).isEqualTo("lb");
    assertThat(login.getDouble("loadIncrement")).isEqualTo(5.0);
  }

  @Test
  @DisplayName("a bad unit, an unknown or offset time zone and increments out of bounds get 400 naming the field; nothing changes")
  void badSettings() {
    Api api = registerTrainer().api();
    int version = api.get("/me").json().getInteger("version");
    assertBadField(api, new JsonObject().put("unit", "stone"), "unit");
    assertBadField(api, new JsonObject().put("timeZone", "Mars/Olympus_Mons"), "timeZone");
    assertBadField(api, new JsonObject().put("timeZone", "+05:00"), "timeZone");
    assertBadField(api, new JsonObject().put("timeZone", "europe/berlin"), "timeZone");
    assertBadField(api, new JsonObject().put("timeZone", ""), "timeZone");
    assertBadField(api, new JsonObject().put("loadIncrement", 0), "loadIncrement");
    assertBadField(api, new JsonObject().put("loadIncrement", -2.5), "loadIncrement");
    assertBadField(api, new JsonObject().put("loadIncrement", 100.5), "loadIncrement");
    assertBadField(api, new JsonObject().put("loadIncrement", 0.125), "loadIncrement");
    assertBadField(api, new JsonObject().put("loadIncrement", "2.5"), "loadIncrement");
    JsonObject me = api.get("/me").json();
    assertThat(me.getInteger("version")).isEqualTo(version);
    assertThat(me.getString("timeZone")).isEqualTo("UTC");

    assertThat(api.patch("/me", new JsonObject().put("loadIncrement", 100)).status()).as("the upper bound").isEqualTo(200);
    assertThat(api.patch("/me", new JsonObject().put("loadIncrement", 0.01)).status()).as("one cent").isEqualTo(200);
  }

  private static void assertBadField(Api api, JsonObject patch, String field) {
    Reply reply = api.patch("/me", patch);
    assertThat(reply.status()).as(patch.encode() + " → " + reply).isEqualTo(400);
    assertThat(reply.contentType()).isEqualTo("application/problem+json");
    assertThat(reply.errorFields()).as(reply.toString()).contains(field);
  }
}
