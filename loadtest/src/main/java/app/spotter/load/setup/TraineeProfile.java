package app.spotter.load.setup;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * A trainee as a trainer fills one in (contact, body values, goals, an injury, notes): about 1.2 KB
 * of JSON, so reads carry a realistic row. The bare read floor serves rows made from the same profiles.
 */
public final class TraineeProfile {
  private TraineeProfile() {}

  /** The profile of trainee {@code i} (a PATCH body; without name). */
  public static JsonObject of(int i) {
    return new JsonObject()
        .put("email", "trainee" + i + "@example.com")
        .put("phone", String.format(Locale.ROOT, "+1 555 01%02d", i % 100))
        .put("dateOfBirth", String.format(Locale.ROOT, "19%02d-%02d-%02d", 60 + i % 40, 1 + i % 12, 1 + i % 28))
        .put("gender", i % 2 == 0 ? "female" : "male")
        .put("address", (10 + i % 90) + " Example Street, Springfield, 12345")
        .put("emergencyContact", "Partner, +1 555 0199")
        .put("height", 155 + i % 40)
        .put("currentWeight", 55 + i % 50 + 0.5)
        .put("bodyFatPercentage", 12 + i % 20 + 0.5)
        .put("restingHeartRate", 55 + i % 20)
        .put("fitnessLevel", "intermediate")
        .put("goals", new JsonArray()
            .add(new JsonObject().put("text", "Squat one and a half times body weight for five reps")
                .put("targetDate", "2027-06-01"))
            .add(new JsonObject().put("text", "Run 5 km under 30 minutes").put("targetDate", "2027-03-01"))
            .add(new JsonObject().put("text", "Lose 4 kg of fat while keeping strength")))
        .put("injuries", new JsonArray().add(new JsonObject().put("area", "left knee")
            .put("note", "Meniscus surgery two years ago; no deep squats under heavy load, box squats are fine")
            .put("since", "2024-06-10")))
        .put("medicalNotes", "Mild exercise-induced asthma, carries an inhaler. Blood pressure normal at the last "
            + "check-up. Cleared by the physiotherapist for full training; avoid high-impact jumps for now.");
  }
}
