package app.spotter.coaching;

/**
 * One record a set set, as the record log keeps it: {@code kind} e1rm or weight (values in kg) or
 * reps (values in repetitions, at the set's weight or heavier). {@code previous} is null when nothing
 * was there to beat: the first set of an exercise (or the first at a new top weight, for reps) sets a
 * baseline, which is kept but never announced as a record.
 */
public record RecordEntry(String kind, double value, Double previous) {
  public static final String E1RM = "e1rm";
  public static final String WEIGHT = "weight";
  public static final String REPS = "reps";

  /** Whether it beat an earlier value: what the screens, the summary and webhooks call a record. */
  public boolean beaten() {
    return previous != null;
  }
}
