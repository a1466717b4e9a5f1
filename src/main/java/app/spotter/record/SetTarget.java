package app.spotter.record;

import java.util.UUID;

/**
 * What logging a set needs to know of the exercise record it goes into, read without its sets: how
 * many it has (the new one comes after them) and whether the new set's id is taken already. A
 * null {@code version} means the record has no such exercise.
 */
public record SetTarget(UUID id, UUID sessionRecordId, Integer version, int setCount, boolean setIdTaken) {

  public boolean exists() {
    return version != null;
  }
}
