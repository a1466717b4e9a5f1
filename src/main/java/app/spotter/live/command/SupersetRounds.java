package app.spotter.live.command;

import app.spotter.record.SetTarget.ExerciseProgress;
import app.spotter.record.SetTarget;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Which exercise a logged set makes current. Consecutive exercises with one superset label are done
 * in rounds: A1, A2, A1, A2… A set of one makes the next of the group that still has sets to do
 * current, going round from the group's last to its first; an exercise that is done (completed,
 * skipped, or at its target of working sets) drops out of the rounds. Without such a neighbour, and
 * for a warm-up (done before the rounds), the exercise stays current, as outside a superset.
 */
final class SupersetRounds {
  private SupersetRounds() {}

  /** The exercise current after {@code target} got a set ({@code warmup} when it was one). */
  static UUID currentAfterSet(SetTarget target, boolean warmup) {
    List<ExerciseProgress> group = groupOf(target.lineup(), target.id());
    if (warmup || group.size() < 2) {
      return target.id();
    }
    int at = indexOf(group, target.id());
    for (int step = 1; step < group.size(); step++) {
      ExerciseProgress candidate = group.get((at + step) % group.size());
      if (hasSetsLeft(candidate)) {
        return candidate.id();
      }
    }
    return target.id();
  }

  /** The run of consecutive exercises around {@code id} that share its label. */
  private static List<ExerciseProgress> groupOf(List<ExerciseProgress> lineup, UUID id) {
    int at = indexOf(lineup, id);
    if (at < 0) {
      return List.of();
    }
    String label = lineup.get(at).supersetGroup();
    int first = at;
    while (first > 0 && Objects.equals(lineup.get(first - 1).supersetGroup(), label)) {
      first--;
    }
    int end = at + 1;
    while (end < lineup.size() && Objects.equals(lineup.get(end).supersetGroup(), label)) {
      end++;
    }
    return lineup.subList(first, end);
  }

  private static boolean hasSetsLeft(ExerciseProgress exercise) {
    Integer target = exercise.targetSets();
    return !exercise.done() && (target == null || target == 0 || exercise.workingSets() < target);
  }

  private static int indexOf(List<ExerciseProgress> exercises, UUID id) {
    for (int i = 0; i < exercises.size(); i++) {
      if (exercises.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }
}
