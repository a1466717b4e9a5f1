import type { CoachingSettings, ExerciseRecord, Suggestion, WeightUnit, WorkSet } from './protocol';

/**
 * The suggested load, recomputed on the client between snapshots (docs/coaching.md). The server puts
 * it on every snapshot (`SuggestedLoad`); after a set, its RPE, a change or a deletion the reducer
 * recomputes it here from what the state already holds (the exercise's sets, its `previous` and
 * `coaching`), so a command never has to read the trainee's history or the trainer's settings. The
 * rules are the server's, line for line, and test/coaching.test.ts holds the same cases as the Java
 * tests; the cross-language fixture (test/contract.test.ts) compares the two on a recorded session.
 */

/** p(1) .. p(12): the share of the one-rep max lifted for n reps to failure (CONTRACT.md). */
const PERCENT = [1.0, 0.955, 0.922, 0.892, 0.863, 0.837, 0.811, 0.786, 0.762, 0.739, 0.707, 0.68];
/** Kilograms in one of each unit (the international pound); body weights convert with it too (bodyUnits.ts). */
export const KILOGRAMS: Record<WeightUnit, number> = { kg: 1, lb: 0.45359237 };
/** Below this a quotient counts as whole: 90 / 2.5 must floor to 36, not 35.99… */
const EPSILON = 1e-9;

export const tenth = (value: number): number => Math.round(value * 10) / 10;

/** p(n), linear between whole n; null outside 1..12. */
export function percent(n: number): number | null {
  if (n < 1 || n > PERCENT.length) return null;
  const whole = Math.floor(n);
  const fraction = n - whole;
  return fraction === 0 ? PERCENT[whole - 1]! : PERCENT[whole - 1]! + (PERCENT[whole]! - PERCENT[whole - 1]!) * fraction;
}

/** A working set's e1RM in `unit`, rounded to 0.1 (a set without a unit is in `unit`); null when it has none. */
export function e1rm(set: WorkSet, unit: WeightUnit): number | null {
  if (set.kind === 'warmup' || set.weight == null || set.weight <= 0 || set.reps == null || set.reps < 1) return null;
  const p = percent(set.reps + 10 - (set.rpe ?? 10));
  if (p === null) return null;
  return tenth(((set.weight / p) * KILOGRAMS[set.unit ?? unit]) / KILOGRAMS[unit]);
}

/** The suggestion for the exercise's next working set, or null (the rules of docs/coaching.md). */
export function suggest(exercise: Pick<ExerciseRecord, 'targetReps' | 'targetRpe' | 'sets' | 'previous'>, coaching: CoachingSettings): Suggestion | null {
  const { targetReps, targetRpe } = exercise;
  if (targetReps == null || targetRpe == null) return null;
  const p = percent(targetReps + 10 - targetRpe);
  if (p === null) return null;
  let source: Suggestion['source'] = 'today';
  let best = bestE1rm(exercise.sets, coaching.unit);
  if (best === null && exercise.previous) {
    source = 'last-session';
    best = bestE1rm(exercise.previous.sets, coaching.unit);
  }
  if (best === null) return null;
  const weight = roundDown(best * p, coaching.loadIncrement);
  return weight > 0 ? { weight, e1rm: best, percent: tenth(p * 100), source } : null;
}

/** The exercise with its `suggestedWeight` and `suggestion` recomputed (unchanged without coaching settings). */
export function withSuggestion(exercise: ExerciseRecord, coaching: CoachingSettings | undefined): ExerciseRecord {
  if (!coaching) return exercise;
  const suggestion = suggest(exercise, coaching);
  return { ...exercise, suggestedWeight: suggestion?.weight ?? null, suggestion };
}

export function roundDown(load: number, increment: number): number {
  const steps = Math.floor(load / increment + EPSILON);
  return Math.round(steps * increment * 100) / 100;
}

function bestE1rm(sets: readonly WorkSet[], unit: WeightUnit): number | null {
  let best: number | null = null;
  for (const set of sets) {
    const value = e1rm(set, unit);
    if (value !== null && (best === null || value > best)) best = value;
  }
  return best;
}
