package app.spotter.coaching;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A trainee's personal records in one exercise, in kilograms (compared exactly, each set converted
 * from the unit it was logged in): the best e1RM and the rep maxes. The rep maxes are kept as the sets
 * no other set beats on both reps and weight, so "the heaviest weight lifted for at least n reps" is
 * the heaviest of them with reps ≥ n, and a set of (r, w) sets a reps record exactly when none of them
 * has reps ≥ r at weight ≥ w. The heaviest of them is the weight record. Only work counts (working,
 * drop and failure sets with reps): a warm-up is light on purpose.
 */
public final class ExerciseRecords {
  private static final Comparator<RepMax> BY_REPS = Comparator.comparingInt(RepMax::reps);
  private Double e1rmKg;
  /** Reps ascending, so weights descending: no entry beats another on both. */
  private final List<RepMax> repMaxes;

  /** One of the rep maxes: {@code kg} lifted for {@code reps}, and no set did more of both. */
  public record RepMax(int reps, double kg) {}

  public ExerciseRecords(Double e1rmKg, List<RepMax> repMaxes) {
    this.e1rmKg = e1rmKg;
    this.repMaxes = new ArrayList<>(repMaxes);
    this.repMaxes.sort(BY_REPS);
  }

  public static ExerciseRecords none() {
    return new ExerciseRecords(null, List.of());
  }

  /** As stored: {@code e1rm_kg} and {@code rep_maxes} ({@code [{reps, kg}]}). */
  public static ExerciseRecords of(Double e1rmKg, JsonArray repMaxes) {
    List<RepMax> list = new ArrayList<>();
    if (repMaxes != null) {
      repMaxes.forEach(item -> {
        JsonObject m = (JsonObject) item;
        list.add(new RepMax(m.getInteger("reps"), m.getDouble("kg")));
      });
    }
    return new ExerciseRecords(e1rmKg, list);
  }

  /**
   * Takes {@code set} as the latest set of the exercise and answers what it set, baselines included,
   * e1rm then weight then reps; nothing for a set that does not count.
   */
  public List<RecordEntry> add(LoggedSet set) {
    if (!set.working() || set.reps() == null || set.reps() < 1) {
      return List.of();
    }
    List<RecordEntry> entries = new ArrayList<>(3);
    OptionalDouble e1rm = set.exactE1rm(WeightUnit.KG);
    if (e1rm.isPresent() && (e1rmKg == null || e1rm.getAsDouble() > e1rmKg)) {
      entries.add(new RecordEntry(RecordEntry.E1RM, e1rm.getAsDouble(), e1rmKg));
      e1rmKg = e1rm.getAsDouble();
    }
    double kg = set.weight() == null ? 0 : set.unit().convert(set.weight(), WeightUnit.KG);
    Double heaviest = heaviest();
    if (kg > 0 && (heaviest == null || kg > heaviest)) {
      entries.add(new RecordEntry(RecordEntry.WEIGHT, kg, heaviest));
    }
    Integer mostReps = mostRepsAtLeast(kg);
    int reps = set.reps();
    if (mostReps == null || reps > mostReps) {
      entries.add(new RecordEntry(RecordEntry.REPS, reps, mostReps == null ? null : mostReps.doubleValue()));
      repMaxes.removeIf(m -> m.reps() <= reps && m.kg() <= kg);
      repMaxes.add(new RepMax(reps, kg));
      repMaxes.sort(BY_REPS);
    }
    return entries;
  }

  public ExerciseRecords copy() {
    return new ExerciseRecords(e1rmKg, repMaxes);
  }

  public Double e1rmKg() {
    return e1rmKg;
  }

  /** The weight record: the heaviest weight lifted for at least one rep, null before any load. */
  public Double heaviest() {
    return repMaxes.stream().mapToDouble(RepMax::kg).filter(kg -> kg > 0).boxed().max(Double::compare).orElse(null);
  }

  /** The heaviest weight lifted for at least {@code reps} reps; null when never. */
  public Double repMax(int reps) {
    return repMaxes.stream().filter(m -> m.reps() >= reps).map(RepMax::kg).max(Double::compare).orElse(null);
  }

  /** The most reps of any set at {@code kg} or heavier; null when none was that heavy. */
  Integer mostRepsAtLeast(double kg) {
    return repMaxes.stream().filter(m -> m.kg() >= kg).map(RepMax::reps).max(Integer::compare).orElse(null);
  }

  public List<RepMax> repMaxes() {
    return List.copyOf(repMaxes);
  }

  /** {@code [{reps, kg}]}, reps ascending: how the rep maxes are stored. */
  public JsonArray repMaxesJson() {
    JsonArray out = new JsonArray();
    repMaxes.forEach(m -> out.add(new JsonObject().put("reps", m.reps()).put("kg", m.kg())));
    return out;
  }
}
