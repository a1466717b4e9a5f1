import { describe, expect, it } from 'vitest';
import type { PendingCommand } from '../src/lib/commandQueue';
import {
  afterSet,
  currentExercise,
  nextExercise,
  pendingSetCount,
  pendingSets,
  plannedSet,
  progressShort,
  progressText,
  setName,
  setProgress,
  setText,
  supersetOf,
  targetText,
} from '../src/lib/liveView';
import { PRESS, SESSION, SQUAT, exercise, liveState } from './support/states';

const PLANK = 'aaaaaaaa-0000-4000-8000-000000000003';
function threeExercises() {
  const s = liveState();
  s.record.exercises.push({ ...exercise(PLANK, 2, 'Plank'), targetReps: null, targetWeight: null });
  return s;
}

describe('current and next exercise', () => {
  it('before anything happens, the first exercise is current and the second is next', () => {
    const s = threeExercises();
    expect(currentExercise(s)?.id).toBe(SQUAT);
    expect(nextExercise(s)?.id).toBe(PRESS);
  });

  it('the trainer’s choice wins, and done exercises are passed over', () => {
    const s = threeExercises();
    s.record.exercises[1]!.skipped = true;
    expect(nextExercise(s)?.id).toBe(PLANK);
    s.currentExerciseRecordId = PLANK;
    expect(currentExercise(s)?.id).toBe(PLANK);
    expect(nextExercise(s)).toBeNull();
  });
});

describe('sets', () => {
  it('set N of M counts the set about to be done and stops at the target', () => {
    const e = exercise(SQUAT, 0, 'Squat');
    expect(setProgress(e)).toEqual({ number: 1, of: 3 });
    e.sets = [1, 2, 3].map((n) => ({ id: `s${n}`, number: n }));
    expect(setProgress(e)).toEqual({ number: 3, of: 3 });
    expect(setProgress({ ...e, targetSets: null })).toEqual({ number: 4, of: null });
  });

  it('names a set by its place among its kind: the first working set after a warm-up is Set 1', () => {
    const e = exercise(SQUAT, 0, 'Squat');
    e.sets = [
      { id: 'w', number: 1, kind: 'warmup' },
      { id: 'a', number: 2, kind: 'working' },
      { id: 'b', number: 3 },
    ];
    expect(e.sets.map((s) => setName(e, s))).toEqual(['Warm-up 1', 'Set 1', 'Set 2']);
  });

  it('says which set is next, and how many were done once the target is reached', () => {
    const e = exercise(SQUAT, 0, 'Squat');
    expect(progressText(e)).toBe('Set 1 of 3');
    e.sets = [1, 2, 3, 4].map((n) => ({ id: `s${n}`, number: n }));
    expect(progressText(e)).toBe('4 of 3 sets done');
    expect(progressText({ ...e, skipped: true })).toBe('Skipped');
    expect(progressShort(e)).toBe('4/3');
    expect(progressShort({ ...e, sets: [] })).toBe('1/3');
  });

  it('"as planned" repeats the last set, or takes the targets for the first', () => {
    const e = exercise(SQUAT, 0, 'Squat');
    expect(plannedSet(e)).toEqual({ reps: 5, weight: 100, unit: 'kg' });
    e.sets = [{ id: 's1', number: 1, reps: 4, weight: 102.5, unit: 'kg' }];
    expect(plannedSet(e)).toEqual({ reps: 4, weight: 102.5, unit: 'kg' });
  });

  it('"as planned" takes the suggested load for the target reps when there is one', () => {
    const e = { ...exercise(SQUAT, 0, 'Squat'), suggestedWeight: 90 };
    e.sets = [{ id: 's1', number: 1, reps: 3, weight: 102.5, unit: 'kg' }];
    expect(plannedSet(e)).toEqual({ reps: 5, weight: 90, unit: 'kg' });
    expect(plannedSet({ ...e, suggestedWeight: null })).toEqual({ reps: 3, weight: 102.5, unit: 'kg' });
  });

  it('reads targets and sets the way a trainer writes them', () => {
    expect(targetText(exercise(SQUAT, 0, 'Squat'))).toBe('3 × 5 @ 100 kg');
    expect(targetText({ ...exercise(SQUAT, 0, 'Squat'), targetRpe: 8.5 })).toBe('3 × 5 @ 100 kg · RPE 8.5');
    expect(setText({ id: 'a', number: 1, reps: 5, weight: 102.5, unit: 'kg', rpe: 8.5 })).toBe('5 × 102.5 kg · RPE 8.5');
    expect(setText({ id: 'a', number: 2, durationSeconds: 60 })).toBe('60 s');
  });

  it('sets logged here but not confirmed yet are pending until their event arrives', () => {
    const s = liveState();
    const command = (setId: string): PendingCommand => ({
      type: 'command',
      sessionId: SESSION,
      commandId: setId,
      name: 'log-set',
      payload: { exerciseRecordId: SQUAT, setId, reps: 5 },
      queuedAt: 0,
    });
    s.record.exercises[0]!.sets = [{ id: 'a', number: 1 }];
    expect(pendingSets([command('a'), command('b')], s, SQUAT).map((p) => p.setId)).toEqual(['b']);
    expect(pendingSets([command('b')], s, PRESS)).toEqual([]);
  });
});

const command = (name: PendingCommand['name'], setId: string): PendingCommand =>
  ({ type: 'command', sessionId: SESSION, commandId: `c-${setId}`, name, payload: { exerciseRecordId: SQUAT, setId }, queuedAt: 0 }) as PendingCommand;

describe('warm-ups', () => {
  it('do not count in "Set N of M" nor towards the target, on every screen', () => {
    const e = exercise(SQUAT, 0, 'Squat');
    e.sets = [
      { id: 'w1', number: 1, kind: 'warmup', reps: 5, weight: 60, unit: 'kg' },
      { id: 'w2', number: 2, kind: 'warmup', reps: 3, weight: 80, unit: 'kg' },
      { id: 's1', number: 3, kind: 'working', reps: 5, weight: 100, unit: 'kg' },
    ];
    expect(progressText(e)).toBe('Set 2 of 3');
    expect(progressShort(e)).toBe('2/3');
    e.sets.push({ id: 's2', number: 4, reps: 5, weight: 100 }, { id: 's3', number: 5, kind: 'drop', reps: 8, weight: 80 });
    expect(progressText(e)).toBe('3 of 3 sets done');
  });

  it('plan the next working set from the last working set, in the trainer’s unit', () => {
    const e = exercise(SQUAT, 0, 'Squat');
    e.sets = [{ id: 's1', number: 1, reps: 5, weight: 102.5, unit: 'kg' }, { id: 'w', number: 2, kind: 'warmup', reps: 10, weight: 20, unit: 'kg' }];
    expect(plannedSet(e, 'kg')).toEqual({ reps: 5, weight: 102.5, unit: 'kg' });
    expect(plannedSet(e, 'lb')).toEqual({ reps: 5, weight: 100, unit: 'lb' });
  });
});

describe('supersets on the tablet', () => {
  function pair() {
    const s = liveState();
    s.record.exercises.forEach((e) => (e.supersetGroup = 'A'));
    s.record.exercises.push(exercise('aaaaaaaa-0000-4000-8000-000000000003', 2, 'Plank'));
    return s;
  }

  it('shows where an exercise stands in its group; a label alone is no superset', () => {
    const s = pair();
    expect(supersetOf(s, s.record.exercises[1]!)).toMatchObject({ label: 'A', position: 2 });
    s.record.exercises[2]!.supersetGroup = 'B';
    expect(supersetOf(s, s.record.exercises[2]!)).toBeNull();
  });

  it('goes A1 → A2 → A1 and rests only after the round’s last; never after a warm-up', () => {
    const s = pair();
    const [a1, a2] = s.record.exercises as [ReturnType<typeof exercise>, ReturnType<typeof exercise>];
    expect(afterSet(s, a1, false)).toEqual({ current: PRESS, roundEnds: false });
    expect(afterSet(s, a2, false)).toEqual({ current: SQUAT, roundEnds: true });
    expect(afterSet(s, a1, true)).toEqual({ current: SQUAT, roundEnds: false });
    a2.skipped = true;
    expect(afterSet(s, a1, false)).toEqual({ current: SQUAT, roundEnds: true });
    s.record.exercises.forEach((e) => (e.supersetGroup = null));
    expect(afterSet(s, a1, false)).toEqual({ current: SQUAT, roundEnds: true });
  });
});

describe('the pending badge', () => {
  it('counts sets waiting, not commands: a set and its rest timer are one', () => {
    expect(pendingSetCount([command('log-set', 'a'), command('start-timer', 'a'), command('log-set', 'b')])).toBe(2);
    expect(pendingSetCount([command('record-rpe', 'a')])).toBe(0);
  });
});
