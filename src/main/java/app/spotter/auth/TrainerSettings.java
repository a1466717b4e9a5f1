package app.spotter.auth;

import app.spotter.api.ApiException;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * The trainer's unit, load increment and time zone. A stored load increment of null follows the
 * unit (2.5 kg, 5 lb): the API always shows the increment in effect, and a PATCH of null or of the
 * unit's default stores null, so a trainer who switches unit gets that unit's default unless they
 * chose their own increment.
 */
public final class TrainerSettings {
  private static final BigDecimal KG_DEFAULT = new BigDecimal("2.5");
  private static final BigDecimal LB_DEFAULT = new BigDecimal("5");

  private TrainerSettings() {}

  /** The unit's load increment when the trainer chose none. */
  public static BigDecimal defaultIncrement(String unit) {
    return "lb".equals(unit) ? LB_DEFAULT : KG_DEFAULT;
  }

  /** The trainer as the API shows it: the load increment in effect, never null. */
  static JsonObject shown(JsonObject stored) {
    if (stored.getValue("loadIncrement") == null) {
      stored.put("loadIncrement", defaultIncrement(stored.getString("unit")).doubleValue());
    }
    return stored;
  }

  /**
   * Checks what the request schema cannot (a real IANA zone, cents at most) and stores the unit's
   * default increment as null.
   */
  static JsonObject checked(JsonObject merged) {
    String zone = merged.getString("timeZone");
    if (!ZoneId.getAvailableZoneIds().contains(zone)) {
      throw ApiException.invalidField("timeZone", "must be an IANA time zone such as Europe/Berlin or America/New_York");
    }
    Number increment = (Number) merged.getValue("loadIncrement");
    if (increment != null) {
      BigDecimal value = new BigDecimal(increment.toString());
      if (value.stripTrailingZeros().scale() > 2) {
        throw ApiException.invalidField("loadIncrement", "must have at most two decimals");
      }
      if (value.compareTo(defaultIncrement(merged.getString("unit"))) == 0) {
        merged.putNull("loadIncrement");
      }
    }
    return merged;
  }
}
