import type { PendingCommand } from './commandQueue';
import type { CommandPayloads, ExerciseRecord, LiveState, WorkSet } from './protocol';
import { formatNumber } from './format';

/** What every screen derives from a live state: which exercise, which set, what comes next. */

export const isDone = (e: ExerciseRecord): boolean => e.completed || e.skipped;

/** The exercise being done: the one the trainer made current, else the first not yet done. */
export function currentExercise(state: LiveState): ExerciseRecord | null {
  const exercises = state.record.exercises;
  return exercises.find((e) => e.id === state.currentExerciseRecordId) ?? exercises.find((e) => !isDone(e)) ?? null;
}

/** The first exercise after the current one that is not done yet. */
export function nextExercise(state: LiveState): ExerciseRecord | null {
  const exercises = state.record.exercises;
  const current = currentExercise(state);
  const from = current ? exercises.indexOf(current) + 1 : 0;
  return exercises.slice(from).find((e) => !isDone(e)) ?? null;
}

export function lastSet(exercise: ExerciseRecord | null): WorkSet | null {
  return exercise?.sets[exercise.sets.length - 1] ?? null;
}

/** "Set N of M": the set about to be done (done + 1, never past the target), and the target. */
export function setProgress(exercise: ExerciseRecord): { number: number; of: number | null } {
  const done = exercise.sets.length;
  const of = exercise.targetSets && exercise.targetSets > 0 ? exercise.targetSets : null;
  return { number: of === null ? done + 1 : Math.min(done + 1, of), of };
}

/** "Set 2 of 3" while sets remain; "3 of 3 sets done" (or "4 of 3") once the target is reached. */
export function progressText(exercise: ExerciseRecord): string {
  if (exercise.skipped) return 'Skipped';
  const { number, of } = setProgress(exercise);
  if (of !== null && exercise.sets.length >= of) return `${exercise.sets.length} of ${of} sets done`;
  return `Set ${number} of ${of ?? '–'}`;
}

/** The wall's and the tabs' short form: "2/3" for set 2 of 3, "4/3" once four were done. */
export function progressShort(exercise: ExerciseRecord): string {
  const { number, of } = setProgress(exercise);
  return of !== null && exercise.sets.length >= of ? `${exercise.sets.length}/${of}` : `${number}/${of ?? '–'}`;
}

/** All target sets logged. */
export function setsComplete(exercise: ExerciseRecord): boolean {
  return exercise.targetSets != null && exercise.targetSets > 0 && exercise.sets.length >= exercise.targetSets;
}

/** What "log as planned" sends: the last set's values, else the targets. */
export function plannedSet(exercise: ExerciseRecord): { reps: number | null; weight: number | null; unit: 'kg' | 'lb' } {
  const last = lastSet(exercise);
  return {
    reps: last?.reps ?? exercise.targetReps ?? null,
    weight: last?.weight ?? exercise.targetWeight ?? null,
    unit: last?.unit ?? 'kg',
  };
}

/** "3 × 5 @ 100 kg", "3 × 5", "" */
export function targetText(exercise: Pick<ExerciseRecord, 'targetSets' | 'targetReps' | 'targetWeight'>, unit = 'kg'): string {
  const sets = exercise.targetSets ? `${exercise.targetSets} × ` : '';
  const reps = exercise.targetReps != null ? `${exercise.targetReps}` : '';
  const weight = exercise.targetWeight != null ? ` @ ${formatNumber(exercise.targetWeight)} ${unit}` : '';
  return reps ? `${sets}${reps}${weight}` : weight.trim();
}

/** "5 × 100 kg · RPE 8" */
export function setText(set: WorkSet): string {
  const parts: string[] = [];
  if (set.reps != null && set.weight != null) parts.push(`${set.reps} × ${formatNumber(set.weight)} ${set.unit ?? 'kg'}`);
  else if (set.reps != null) parts.push(`${set.reps} reps`);
  else if (set.weight != null) parts.push(`${formatNumber(set.weight)} ${set.unit ?? 'kg'}`);
  if (set.durationSeconds != null) parts.push(`${set.durationSeconds} s`);
  if (set.rpe != null) parts.push(`RPE ${formatNumber(set.rpe)}`);
  return parts.join(' · ') || 'logged';
}

/** Sets logged on this device and not yet confirmed, shown greyed until their event arrives. */
export function pendingSets(pending: readonly PendingCommand[], state: LiveState, exerciseId: string): CommandPayloads['log-set'][] {
  const logged = new Set(state.record.exercises.flatMap((e) => e.sets.map((s) => s.id)));
  return pending
    .filter((c) => c.sessionId === state.record.id && c.name === 'log-set')
    .map((c) => c.payload as CommandPayloads['log-set'])
    .filter((p) => p.exerciseRecordId === exerciseId && !logged.has(p.setId));
}
