package app.spotter.record;

import java.util.UUID;

/**
 * What logging a set needs to know of the exercise record it goes into, read without its sets:
 * how many it has (the new one comes after them) and whether one of them already has the new set's id.
 */
public record SetTarget(UUID id, UUID sessionRecordId, int version, String startedAt, int setCount, boolean holdsSet) {}
