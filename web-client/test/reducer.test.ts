import { describe, expect, it } from 'vitest';
import { reduce, reduceAll } from '../src/lib/reducer';
import type { WorkSet } from '../src/lib/protocol';
import { PRESS, SQUAT, event, exercise, frozen, liveState, timer } from './support/states';

const actor = { role: 'trainer', id: 'cccccccc-0000-4000-8000-000000000001' };
const set = (id: string, number: number, extra: Partial<WorkSet> = {}): WorkSet => ({
  id,
  number,
  kind: 'working',
  reps: 5,
  weight: 100,
  unit: 'kg',
  completedAt: '2026-11-25T10:05:00Z',
  loggedBy: actor,
  ...extra,
});
const squat = (s: ReturnType<typeof liveState>) => s.record.exercises.find((e) => e.id === SQUAT)!;

describe('reduce', () => {
  it('moves the record to the event: liveSeq becomes its seq, version goes up by one', () => {
    const after = reduce(frozen(liveState()), event(1, 'form-rated', { exerciseRecordId: SQUAT, formRating: 4 }));
    expect(after.record.liveSeq).toBe(1);
    expect(after.record.version).toBe(2);
  });

  it('never changes the state it is given', () => {
    const before = frozen(liveState());
    expect(() =>
      reduceAll(before, [
        event(1, 'set-logged', { exerciseRecordId: SQUAT, set: set('s1', 1), currentExerciseRecordId: SQUAT }),
        event(2, 'timer-started', { timer: timer(1_000_000) }),
        event(3, 'session-ended', { status: 'completed', endTime: '2026-11-25T11:00:00Z' }),
      ]),
    ).not.toThrow();
    expect(before.record.exercises[0]!.sets).toEqual([]);
  });

  it('a logged set is appended, makes its exercise current and starts it at the set time', () => {
    const after = reduce(
      liveState(),
      event(1, 'set-logged', { exerciseRecordId: SQUAT, set: set('s1', 1), currentExerciseRecordId: SQUAT }),
    );
    expect(squat(after).sets).toEqual([set('s1', 1)]);
    expect(squat(after).startedAt).toBe('2026-11-25T10:05:00.000Z');
    expect(squat(after).version).toBe(2);
    expect(after.currentExerciseRecordId).toBe(SQUAT);
  });

  it('an exercise already started keeps its start time when a set is logged', () => {
    const started = reduce(
      liveState(),
      event(1, 'exercise-started', { exerciseRecordId: SQUAT, startedAt: '2026-11-25T10:01:00.000Z', currentExerciseRecordId: SQUAT }),
    );
    const after = reduce(started, event(2, 'set-logged', { exerciseRecordId: SQUAT, set: set('s1', 1), currentExerciseRecordId: SQUAT }));
    expect(squat(after).startedAt).toBe('2026-11-25T10:01:00.000Z');
    expect(squat(after).version).toBe(3);
  });

  it('updating a set or recording its RPE replaces that set only', () => {
    const logged = reduceAll(liveState(), [
      event(1, 'set-logged', { exerciseRecordId: SQUAT, set: set('s1', 1), currentExerciseRecordId: SQUAT }),
      event(2, 'set-logged', { exerciseRecordId: SQUAT, set: set('s2', 2), currentExerciseRecordId: SQUAT }),
    ]);
    const after = reduceAll(logged, [
      event(3, 'set-updated', { exerciseRecordId: SQUAT, set: set('s1', 1, { reps: 4 }) }),
      event(4, 'rpe-recorded', { exerciseRecordId: SQUAT, setId: 's2', rpe: 8.5, set: set('s2', 2, { rpe: 8.5 }) }),
    ]);
    expect(squat(after).sets.map((s) => [s.id, s.reps, s.rpe])).toEqual([
      ['s1', 4, undefined],
      ['s2', 5, 8.5],
    ]);
  });

  it('a deleted set is removed and the rest are renumbered 1..n', () => {
    const after = reduceAll(liveState(), [
      event(1, 'set-logged', { exerciseRecordId: SQUAT, set: set('s1', 1), currentExerciseRecordId: SQUAT }),
      event(2, 'set-logged', { exerciseRecordId: SQUAT, set: set('s2', 2), currentExerciseRecordId: SQUAT }),
      event(3, 'set-logged', { exerciseRecordId: SQUAT, set: set('s3', 3), currentExerciseRecordId: SQUAT }),
      event(4, 'set-deleted', { exerciseRecordId: SQUAT, setId: 's1' }),
    ]);
    expect(squat(after).sets.map((s) => [s.id, s.number])).toEqual([
      ['s2', 1],
      ['s3', 2],
    ]);
  });

  it('completing and skipping mark the exercise, with the reason and the exertion given', () => {
    const after = reduceAll(liveState(), [
      event(1, 'exercise-completed', { exerciseRecordId: SQUAT, perceivedExertion: 8, completedAt: '2026-11-25T10:20:00.000Z' }),
      event(2, 'exercise-skipped', { exerciseRecordId: PRESS, reason: 'shoulder', completedAt: '2026-11-25T10:21:00.000Z' }),
    ]);
    expect(squat(after)).toMatchObject({ completed: true, skipped: false, perceivedExertion: 8, completedAt: '2026-11-25T10:20:00.000Z' });
    expect(after.record.exercises[1]).toMatchObject({ completed: false, skipped: true, skipReason: 'shoulder' });
  });

  it('an exercise added after another takes the next place and pushes the later ones down', () => {
    const added = { ...exercise('aaaaaaaa-0000-4000-8000-000000000003', 1, 'Pull-up'), targetSets: 3 };
    const after = reduce(
      liveState(),
      event(1, 'exercise-added', { exerciseRecordId: added.id, afterExerciseRecordId: SQUAT, exercise: added }),
    );
    expect(after.record.exercises.map((e) => [e.exerciseName, e.orderIndex, e.version])).toEqual([
      ['Back squat', 0, 1],
      ['Pull-up', 1, 1],
      ['Bench press', 2, 1],
    ]);
  });

  it('an exercise added without a place goes last', () => {
    const added = exercise('aaaaaaaa-0000-4000-8000-000000000003', 2, 'Plank');
    const after = reduce(liveState(), event(1, 'exercise-added', { exerciseRecordId: added.id, afterExerciseRecordId: null, exercise: added }));
    expect(after.record.exercises.map((e) => e.exerciseName)).toEqual(['Back squat', 'Bench press', 'Plank']);
  });

  it('a modified exercise takes the new targets and notes', () => {
    const after = reduce(
      liveState(),
      event(1, 'exercise-modified', {
        exerciseRecordId: SQUAT,
        exerciseName: 'Box squat',
        targetSets: 4,
        targetReps: 3,
        targetWeight: 80,
        targetRpe: null,
        restBetweenSets: 120,
        modificationNotes: 'knee',
      }),
    );
    expect(squat(after)).toMatchObject({ exerciseName: 'Box squat', targetSets: 4, targetWeight: 80, modificationNotes: 'knee', version: 2 });
  });

  it('timer events carry the whole timer; cancelled and finished leave none', () => {
    const started = reduce(liveState(), event(1, 'timer-started', { timer: timer(1_000_000) }));
    expect(started.timer?.endsAt).toBe(1_000_000);
    const paused = reduce(started, event(2, 'timer-paused', { timer: timer(1_000_000, false) }));
    expect(paused.timer).toMatchObject({ running: false, pausedRemainingMs: 42_000 });
    expect(reduce(paused, event(3, 'timer-cancelled', { timer: null, timerId: 'x' })).timer).toBeNull();
    expect(reduce(started, event(3, 'timer-finished', { timer: timer(1_000_000, false), timerId: 'x' })).timer).toBeNull();
  });

  it('a note reaches the record only in the trainer copy; other roles just move on', () => {
    const trainer = reduce(liveState(), event(1, 'note-added', { text: 'knee ok', trainerNotes: 'warm\nknee ok' }));
    expect(trainer.record.trainerNotes).toBe('warm\nknee ok');
    const display = reduce(liveState(), event(1, 'note-added', {}));
    expect(display.record.trainerNotes).toBeNull();
    expect(display.record.liveSeq).toBe(1);
  });

  it('feedback merges as the server merged it', () => {
    const after = reduce(liveState(), event(1, 'feedback-submitted', { feedback: { mood: 4 }, traineeFeedback: { energy: 3, mood: 4 } }));
    expect(after.record.traineeFeedback).toEqual({ energy: 3, mood: 4 });
  });

  it('the end of the session sets status, end time and flags, and stops the timer', () => {
    const running = reduce(liveState(), event(1, 'timer-started', { timer: timer(1_000_000) }));
    const after = reduce(running, event(2, 'session-ended', { status: 'completed', endTime: '2026-11-25T11:00:00Z' }));
    expect(after.record).toMatchObject({ status: 'completed', isLive: false, completed: true, endTime: '2026-11-25T11:00:00.000Z' });
    expect(after.timer).toBeNull();
  });

  it('a set, its RPE and its deletion recompute the suggested load where the state has coaching settings', () => {
    const coached = { ...liveState(), coaching: { unit: 'kg' as const, loadIncrement: 2.5 } };
    coached.record.exercises[0] = { ...coached.record.exercises[0]!, targetRpe: 8, suggestedWeight: null, suggestion: null };
    const logged = reduce(coached, event(1, 'set-logged', { exerciseRecordId: SQUAT, set: set('s1', 1, { reps: 3, weight: 110 }), currentExerciseRecordId: SQUAT }));
    // 110 x 3 without RPE: 110 / 0.922 = 119.3; 5 @ 8 is 81.1 %: 96.75 -> 95
    expect(squat(logged).suggestion).toEqual({ weight: 95, e1rm: 119.3, percent: 81.1, source: 'today' });
    const rated = reduce(logged, event(2, 'rpe-recorded', { exerciseRecordId: SQUAT, setId: 's1', rpe: 9, set: set('s1', 1, { reps: 3, weight: 110, rpe: 9 }) }));
    expect(squat(rated).suggestedWeight).toBe(97.5);
    const deleted = reduce(rated, event(3, 'set-deleted', { exerciseRecordId: SQUAT, setId: 's1' }));
    expect(squat(deleted).suggestedWeight).toBeNull();
    expect(squat(deleted).suggestion).toBeNull();
    const display = reduce(liveState(), event(1, 'set-logged', { exerciseRecordId: SQUAT, set: set('s1', 1, { rpe: 8 }), currentExerciseRecordId: SQUAT }));
    expect(squat(display)).not.toHaveProperty('suggestedWeight');
  });

  it("exercise-started brings the injury flags of the trainer's copy; other copies have none to bring", () => {
    const flags = [{ kind: 'injury' as const, area: 'Left knee', note: 'No deep squats' }];
    const started = { exerciseRecordId: SQUAT, startedAt: '2026-11-25T10:01:00.000Z', currentExerciseRecordId: SQUAT };
    expect(squat(reduce(liveState(), event(1, 'exercise-started', { ...started, flags }))).flags).toEqual(flags);
    expect(squat(reduce(liveState(), event(1, 'exercise-started', started)))).not.toHaveProperty('flags');
  });

  it('an event this client does not know still moves seq and version on', () => {
    const unknown = { ...event(1, 'form-rated', { exerciseRecordId: SQUAT, formRating: 3 }), name: 'something-new' } as never;
    const after = reduce(liveState(), unknown);
    expect(after.record.liveSeq).toBe(1);
    expect(squat(after).formRating).toBeNull();
  });
});
