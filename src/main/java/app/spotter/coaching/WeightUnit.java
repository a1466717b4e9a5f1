package app.spotter.coaching;

/**
 * The units a weight is logged in. A set keeps the unit it was logged in; comparisons and sums
 * convert exactly (1 lb = 0.45359237 kg, the international pound), here and nowhere else.
 */
public enum WeightUnit {
  KG("kg", 1.0),
  LB("lb", 0.45359237);

  private final String wire;
  private final double kilograms;

  WeightUnit(String wire, double kilograms) {
    this.wire = wire;
    this.kilograms = kilograms;
  }

  /** The unit named {@code wire} ({@code kg} or {@code lb}); {@code fallback} when absent. */
  public static WeightUnit of(String wire, WeightUnit fallback) {
    if (wire == null) {
      return fallback;
    }
    return switch (wire) {
      case "kg" -> KG;
      case "lb" -> LB;
      default -> throw new IllegalArgumentException("not a weight unit: " + wire);
    };
  }

  public String wire() {
    return wire;
  }

  /** {@code value} of this unit in {@code target}, unrounded. */
  public double convert(double value, WeightUnit target) {
    return this == target ? value : value * kilograms / target.kilograms;
  }

  /** {@code kg} kilograms shown in this unit: converted, then rounded to a tenth. */
  public double shownFromKg(double kg) {
    return tenth(KG.convert(kg, this));
  }

  /** Weights and sums of weights are shown to a tenth of their unit, halves rounded up. */
  public static double tenth(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
