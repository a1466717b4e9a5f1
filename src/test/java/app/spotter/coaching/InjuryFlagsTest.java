package app.spotter.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The keyword table that derives an injury's muscles from its area, and the flags it gives an exercise. */
class InjuryFlagsTest {
  private static final List<String> SQUAT = List.of("quadriceps", "calves", "glutes", "hamstrings", "lower back");
  private static final List<String> BENCH = List.of("chest", "shoulders", "triceps");

  @Test
  @DisplayName("the contract's rows: knee is quadriceps, hamstrings, calves; shoulder is shoulders, chest, triceps, traps")
  void contractRows() {
    assertThat(InjuryAreas.muscles("knee")).containsExactly("quadriceps", "hamstrings", "calves");
    assertThat(InjuryAreas.muscles("shoulder")).containsExactly("shoulders", "chest", "triceps", "traps");
  }

  @Test
  @DisplayName("keywords match whole words in any case, singular or plural, anywhere in the area")
  void wordMatch() {
    assertThat(InjuryAreas.muscles("Left KNEE (ACL, 2019)")).containsExactlyInAnyOrder("quadriceps", "hamstrings", "calves");
    assertThat(InjuryAreas.muscles("both knees")).containsExactlyInAnyOrder("quadriceps", "hamstrings", "calves");
    assertThat(InjuryAreas.muscles("right hamstrings")).containsExactly("hamstrings");
    assertThat(InjuryAreas.muscles("wrist and elbow")).containsExactlyInAnyOrder("forearms", "biceps", "triceps");
    assertThat(InjuryAreas.muscles("kneecap-free"))
        .as("a word that only starts with a keyword is another word").isEmpty();
    assertThat(InjuryAreas.muscles("backpack strap")).isEmpty();
    assertThat(InjuryAreas.muscles("asthma")).isEmpty();
  }

  @Test
  @DisplayName("two-word keywords come first and take their words: lower back is not also back")
  void twoWords() {
    assertThat(InjuryAreas.muscles("lower back")).containsExactly("lower back", "glutes", "hamstrings");
    assertThat(InjuryAreas.muscles("back")).containsExactly("lower back", "middle back", "lats");
    assertThat(InjuryAreas.muscles("Rotator cuff")).containsExactly("shoulders", "chest", "triceps", "traps");
    assertThat(InjuryAreas.muscles("groin, ankle and neck")).containsExactly("adductors", "calves", "neck", "traps");
    assertThat(InjuryAreas.muscles("hip")).containsExactly("glutes", "adductors", "abductors", "quadriceps");
  }

  @Test
  @DisplayName("an unresolved injury whose muscles meet the exercise's flags it with its area and note")
  void flags() {
    JsonArray injuries = new JsonArray()
        .add(new JsonObject().put("area", "left knee").put("note", "no deep squats"))
        .add(new JsonObject().put("area", "shoulder").put("resolvedAt", "2026-11-01T10:00:00Z"))
        .add(new JsonObject().put("area", "old football thing").put("muscles", new JsonArray().add("chest")));

    assertThat(InjuryFlags.of(injuries, SQUAT)).isEqualTo(new JsonArray()
        .add(new JsonObject().put("kind", "injury").put("area", "left knee").put("note", "no deep squats")));
    assertThat(InjuryFlags.of(injuries, BENCH)).as("the resolved shoulder flags nothing; named muscles win over the area")
        .isEqualTo(new JsonArray().add(new JsonObject().put("kind", "injury").put("area", "old football thing").putNull("note")));
    assertThat(InjuryFlags.of(injuries, List.of("Quadriceps "))).as("a free exercise's own muscle groups, in any case").hasSize(1);
    assertThat(InjuryFlags.of(injuries, List.of())).as("an exercise without muscles").isEmpty();
    assertThat(InjuryFlags.of(new JsonArray().add(new JsonObject().put("area", "knee").put("muscles", new JsonArray())), SQUAT))
        .as("an injury naming no muscles spares none").isEmpty();
  }
}
