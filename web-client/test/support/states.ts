import type { ExerciseRecord, LiveEvent, LiveState, Timer } from '../../src/lib/protocol';

export const SESSION = '11111111-1111-4111-8111-111111111111';
export const SQUAT = 'aaaaaaaa-0000-4000-8000-000000000001';
export const PRESS = 'aaaaaaaa-0000-4000-8000-000000000002';

export function exercise(id: string, orderIndex: number, name: string): ExerciseRecord {
  return {
    id,
    sessionRecordId: SESSION,
    exerciseTemplateId: null,
    exerciseName: name,
    exerciseDescription: null,
    category: null,
    muscleGroups: [],
    difficulty: null,
    equipment: [],
    orderIndex,
    targetSets: 3,
    targetReps: 5,
    targetWeight: 100,
    restBetweenSets: 90,
    sets: [],
    notes: null,
    perceivedExertion: null,
    formRating: null,
    completed: false,
    skipped: false,
    skipReason: null,
    modificationNotes: null,
    startedAt: null,
    completedAt: null,
    createdAt: '2026-11-25T10:00:00.000Z',
    updatedAt: '2026-11-25T10:00:00.000Z',
    version: 1,
  };
}

export function liveState(): LiveState {
  return {
    record: {
      id: SESSION,
      trainingSessionId: null,
      traineeId: 'bbbbbbbb-0000-4000-8000-000000000001',
      trainerId: 'cccccccc-0000-4000-8000-000000000001',
      sessionDate: '2026-11-25',
      startTime: '2026-11-25T10:00:00.000Z',
      endTime: null,
      location: null,
      completed: false,
      isLive: true,
      status: 'live',
      liveSeq: 0,
      trainerNotes: null,
      traineeFeedback: {},
      sessionMetadata: {},
      createdAt: '2026-11-25T10:00:00.000Z',
      updatedAt: '2026-11-25T10:00:00.000Z',
      version: 1,
      exercises: [exercise(SQUAT, 0, 'Back squat'), exercise(PRESS, 1, 'Bench press')],
    },
    trainee: { id: 'bbbbbbbb-0000-4000-8000-000000000001', name: 'Maria Lopez' },
    currentExerciseRecordId: null,
    timer: null,
    presence: [],
  };
}

export function event<N extends LiveEvent['name']>(
  seq: number,
  name: N,
  payload: Extract<LiveEvent, { name: N }>['payload'],
  sessionId = SESSION,
): LiveEvent {
  return {
    type: 'event',
    sessionId,
    seq,
    name,
    payload,
    serverTime: 1_764_064_800_000 + seq * 1000,
    actor: { role: 'trainer', id: 'cccccccc-0000-4000-8000-000000000001' },
  } as LiveEvent;
}

export function timer(endsAt: number, running = true): Timer {
  return {
    id: 'tttttttt-0000-4000-8000-000000000001',
    label: 'Rest',
    exerciseRecordId: SQUAT,
    durationSeconds: 90,
    startedAt: endsAt - 90_000,
    endsAt: running ? endsAt : null,
    pausedRemainingMs: running ? null : 42_000,
    running,
  };
}

/** Freezes deeply, so a reducer that mutates its input throws. */
export function frozen<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(frozen);
    Object.freeze(value);
  }
  return value;
}
