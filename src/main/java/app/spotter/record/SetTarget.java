package app.spotter.record;

import java.util.List;
import java.util.UUID;

/**
 * What logging a set needs to know of the exercise record it goes into, read without its sets: how
 * many it has (the new one comes after them) and whether the new set's id is taken already. A
 * null {@code version} means the record has no such exercise. When the exercise has a superset
 * label, {@code lineup} is every exercise of the session in order (else empty): which exercise the
 * set makes current depends on its neighbours.
 */
public record SetTarget(UUID id, UUID sessionRecordId, Integer version, int setCount, boolean setIdTaken,
    List<ExerciseProgress> lineup) {

  public boolean exists() {
    return version != null;
  }

  /**
   * One exercise of a session as a superset sees it: its label, its target and how many working
   * (not warm-up) sets it has; {@code done} when completed or skipped.
   */
  public record ExerciseProgress(UUID id, String supersetGroup, Integer targetSets, boolean done, int workingSets) {}
}
