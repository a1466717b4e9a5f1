package app.spotter.coaching;

import static java.util.Map.entry;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The muscles an injured body area spares, for an injury that names none (docs/coaching.md, "Injury
 * flags"): each keyword of the area, matched as a whole word in any case, singular or plural, adds
 * its muscles (the exercise library's names). Two-word keywords are matched first and take their
 * words, so "lower back" is not also "back". An area without a keyword spares nothing: the trainer
 * then names the muscles on the injury.
 */
public final class InjuryAreas {
  private static final List<String> SHOULDER = List.of("shoulders", "chest", "triceps", "traps");
  private static final List<String> KNEE = List.of("quadriceps", "hamstrings", "calves");
  private static final List<String> BACK = List.of("lower back", "middle back", "lats");
  private static final List<String> LOWER_BACK = List.of("lower back", "glutes", "hamstrings");
  private static final List<String> HIP = List.of("glutes", "adductors", "abductors", "quadriceps");
  private static final List<String> ELBOW = List.of("biceps", "triceps", "forearms");
  private static final List<String> WRIST = List.of("forearms");
  private static final List<String> ANKLE = List.of("calves");
  private static final List<String> NECK = List.of("neck", "traps");
  private static final List<String> ABDOMEN = List.of("abdominals");

  private static final Map<String, List<String>> TWO_WORDS = Map.ofEntries(
      entry("lower back", LOWER_BACK),
      entry("upper back", List.of("middle back", "traps", "lats")),
      entry("rotator cuff", SHOULDER),
      entry("hip flexor", List.of("quadriceps", "abdominals")));

  private static final Map<String, List<String>> ONE_WORD = Map.ofEntries(
      entry("knee", KNEE), entry("patella", KNEE), entry("acl", KNEE), entry("mcl", KNEE), entry("meniscus", KNEE),
      entry("shoulder", SHOULDER),
      entry("back", BACK), entry("spine", BACK), entry("lumbar", LOWER_BACK), entry("disc", LOWER_BACK),
      entry("sciatica", LOWER_BACK),
      entry("hip", HIP),
      entry("groin", List.of("adductors")), entry("adductor", List.of("adductors")),
      entry("hamstring", List.of("hamstrings")),
      entry("quad", List.of("quadriceps")), entry("quadricep", List.of("quadriceps")), entry("thigh", List.of("quadriceps", "hamstrings")),
      entry("calf", ANKLE), entry("calves", ANKLE), entry("shin", ANKLE), entry("achilles", ANKLE),
      entry("ankle", ANKLE), entry("foot", ANKLE), entry("feet", ANKLE),
      entry("elbow", ELBOW),
      entry("wrist", WRIST), entry("hand", WRIST), entry("finger", WRIST), entry("forearm", WRIST),
      entry("neck", NECK), entry("trap", List.of("traps")),
      entry("chest", List.of("chest")), entry("pec", List.of("chest")), entry("pectoral", List.of("chest")),
      entry("bicep", List.of("biceps")), entry("tricep", List.of("triceps")),
      entry("glute", List.of("glutes")), entry("buttock", List.of("glutes")),
      entry("lat", List.of("lats")),
      entry("abdominal", ABDOMEN), entry("abs", ABDOMEN), entry("core", ABDOMEN), entry("hernia", ABDOMEN));

  private InjuryAreas() {}

  /** The muscles the keywords of {@code area} spare, in table order of the words; empty when none matches. */
  public static Set<String> muscles(String area) {
    Set<String> muscles = new LinkedHashSet<>();
    if (area == null) {
      return muscles;
    }
    String[] words = area.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
    for (int i = 0; i < words.length; i++) {
      List<String> pair = i + 1 < words.length ? lookup(TWO_WORDS, words[i] + " " + words[i + 1]) : null;
      if (pair != null) {
        muscles.addAll(pair);
        i++;
        continue;
      }
      List<String> one = lookup(ONE_WORD, words[i]);
      if (one != null) {
        muscles.addAll(one);
      }
    }
    return muscles;
  }

  /** The keyword's muscles for {@code words} as written or as a plural of it ("knees", "lower backs"). */
  private static List<String> lookup(Map<String, List<String>> table, String words) {
    List<String> found = table.get(words);
    if (found == null && words.endsWith("es")) {
      found = table.get(words.substring(0, words.length() - 2));
    }
    if (found == null && words.endsWith("s")) {
      found = table.get(words.substring(0, words.length() - 1));
    }
    return found;
  }
}
