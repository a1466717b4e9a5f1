package app.spotter.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExerciseRecordsTest {

  private static LoggedSet set(String kind, int reps, double weight, String unit) {
    return new LoggedSet("s", kind, reps, weight, WeightUnit.of(unit, WeightUnit.KG), null);
  }

  private static List<String> kinds(List<RecordEntry> entries) {
    return entries.stream().filter(RecordEntry::beaten).map(RecordEntry::kind).toList();
  }

  @Test
  @DisplayName("a first set is a baseline for every kind, not a record")
  void baseline() {
    ExerciseRecords records = ExerciseRecords.none();

    List<RecordEntry> entries = records.add(set("working", 5, 100, "kg"));

    assertThat(entries).extracting(RecordEntry::kind).containsExactly("e1rm", "weight", "reps");
    assertThat(kinds(entries)).isEmpty();
    assertThat(records.repMax(5)).isEqualTo(100.0);
    assertThat(records.repMax(6)).isNull();
  }

  @Test
  @DisplayName("rep maxes: for n reps the heaviest weight lifted for at least n; a reps record needs no earlier set with as many reps at that weight or heavier")
  void repMaxes() {
    ExerciseRecords records = ExerciseRecords.none();
    records.add(set("working", 5, 100, "kg"));
    records.add(set("working", 1, 120, "kg"));

    assertThat(records.repMax(1)).isEqualTo(120.0);
    assertThat(records.repMax(2)).isEqualTo(100.0);
    assertThat(records.repMax(5)).isEqualTo(100.0);
    assertThat(records.heaviest()).isEqualTo(120.0);

    assertThat(kinds(records.add(set("working", 5, 100, "kg")))).as("a tie is no record").isEmpty();
    assertThat(kinds(records.add(set("working", 4, 105, "kg")))).as("4 at 105: nothing at 105+ with 4 reps")
        .contains("reps").doesNotContain("weight");
    List<RecordEntry> six = records.add(set("working", 6, 100, "kg"));
    assertThat(six).filteredOn(e -> e.kind().equals("reps")).singleElement()
        .isEqualTo(new RecordEntry("reps", 6, 5.0));
    assertThat(records.repMax(6)).isEqualTo(100.0);
    assertThat(records.repMax(4)).isEqualTo(105.0);
    assertThat(kinds(records.add(set("working", 3, 90, "kg")))).as("5 reps at 100 beat 3 at 90").isEmpty();
    assertThat(records.repMaxes()).extracting(ExerciseRecords.RepMax::reps).containsExactly(1, 4, 6);
  }

  @Test
  @DisplayName("warm-ups and sets without reps never count; weights compare in kg exactly across units")
  void warmUpsAndUnits() {
    ExerciseRecords records = ExerciseRecords.none();
    records.add(set("working", 1, 100, "kg"));

    assertThat(records.add(set("warmup", 1, 500, "kg"))).isEmpty();
    assertThat(records.add(new LoggedSet("s", "working", null, 500.0, WeightUnit.KG, null))).isEmpty();
    // 220 lb = 99.79 kg: lighter; 221 lb = 100.24 kg: heavier
    assertThat(kinds(records.add(set("working", 1, 220, "lb")))).isEmpty();
    List<RecordEntry> heavier = records.add(set("working", 1, 221, "lb"));
    assertThat(kinds(heavier)).containsExactly("e1rm", "weight");
    assertThat(heavier.get(1).value()).isEqualTo(221 * 0.45359237);
    assertThat(heavier.get(1).previous()).isEqualTo(100.0);
  }

  @Test
  @DisplayName("a set without load counts for reps only; stored rep maxes read back the same")
  void bodyweightAndStorage() {
    ExerciseRecords records = ExerciseRecords.none();
    records.add(new LoggedSet("a", "working", 8, null, WeightUnit.KG, null));
    List<RecordEntry> more = records.add(new LoggedSet("b", "working", 10, null, WeightUnit.KG, null));

    assertThat(more).containsExactly(new RecordEntry("reps", 10, 8.0));
    assertThat(records.heaviest()).isNull();
    ExerciseRecords read = ExerciseRecords.of(records.e1rmKg(), records.repMaxesJson());
    assertThat(read.repMaxes()).isEqualTo(records.repMaxes());
  }
}
