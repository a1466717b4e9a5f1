import type { PendingCommand } from './commandQueue';
import type { CommandPayloads, ExerciseRecord, LiveState, WeightUnit, WorkSet } from './protocol';
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

export const isWarmup = (set: Pick<WorkSet, 'kind'>): boolean => set.kind === 'warmup';

/** The sets that count towards the target: every kind but warm-ups. */
export function workingSets(exercise: Pick<ExerciseRecord, 'sets'>): WorkSet[] {
  return exercise.sets.filter((s) => !isWarmup(s));
}

/**
 * What a set is called on every screen: "Set 2" by its place among the working sets, "Warm-up 1"
 * among the warm-ups (a set's own `number` counts both, so it would call the first working set 2).
 */
export function setName(exercise: Pick<ExerciseRecord, 'sets'>, set: WorkSet): string {
  const place = exercise.sets.filter((s) => isWarmup(s) === isWarmup(set)).findIndex((s) => s.id === set.id) + 1;
  return `${isWarmup(set) ? 'Warm-up' : 'Set'} ${place}`;
}

/** "Set N of M": the working set about to be done (done + 1, never past the target), and the target. */
export function setProgress(exercise: ExerciseRecord): { number: number; of: number | null } {
  const done = workingSets(exercise).length;
  const of = exercise.targetSets && exercise.targetSets > 0 ? exercise.targetSets : null;
  return { number: of === null ? done + 1 : Math.min(done + 1, of), of };
}

/** "Set 2 of 3" while sets remain; "3 of 3 sets done" (or "4 of 3") once the target is reached. Warm-ups do not count. */
export function progressText(exercise: ExerciseRecord): string {
  if (exercise.skipped) return 'Skipped';
  const { number, of } = setProgress(exercise);
  const done = workingSets(exercise).length;
  if (of !== null && done >= of) return `${done} of ${of} sets done`;
  return `Set ${number} of ${of ?? '–'}`;
}

/** The wall's and the tabs' short form: "2/3" for set 2 of 3, "4/3" once four were done. */
export function progressShort(exercise: ExerciseRecord): string {
  const { number, of } = setProgress(exercise);
  const done = workingSets(exercise).length;
  return of !== null && done >= of ? `${done}/${of}` : `${number}/${of ?? '–'}`;
}

/** All target working sets logged. */
export function setsComplete(exercise: ExerciseRecord): boolean {
  return exercise.targetSets != null && exercise.targetSets > 0 && workingSets(exercise).length >= exercise.targetSets;
}

/**
 * What "log as planned" sends, in the trainer's `unit`: the suggested load for the target reps when
 * there is one (docs/coaching.md); else the last working set's values (its weight only when it was
 * logged in that unit), else the targets.
 */
export function plannedSet(exercise: ExerciseRecord, unit: WeightUnit = 'kg'): { reps: number | null; weight: number | null; unit: WeightUnit } {
  const sets = workingSets(exercise);
  const last = sets[sets.length - 1];
  if (exercise.suggestedWeight != null) {
    return { reps: exercise.targetReps ?? last?.reps ?? null, weight: exercise.suggestedWeight, unit };
  }
  return {
    reps: last?.reps ?? exercise.targetReps ?? null,
    weight: (last?.unit ?? unit) === unit ? (last?.weight ?? exercise.targetWeight ?? null) : (exercise.targetWeight ?? null),
    unit,
  };
}

/** A superset: the run of consecutive exercises sharing `exercise`'s label (two or more), and where it stands in it. */
export interface Superset {
  label: string;
  members: ExerciseRecord[];
  /** 1-based position of the exercise in the group. */
  position: number;
}

export function supersetOf(state: LiveState, exercise: ExerciseRecord): Superset | null {
  const label = exercise.supersetGroup;
  if (!label) return null;
  const all = state.record.exercises;
  const at = all.findIndex((e) => e.id === exercise.id);
  let first = at;
  while (first > 0 && all[first - 1]!.supersetGroup === label) first--;
  let end = at + 1;
  while (end < all.length && all[end]!.supersetGroup === label) end++;
  const members = all.slice(first, end);
  return members.length < 2 ? null : { label, members, position: at - first + 1 };
}

/**
 * Where a set of `exercise` leads, as the server decides it (docs/protocol.md, Supersets): in a
 * superset the next exercise of the round that has sets left, going round from the last to the
 * first; else (and after a warm-up) the same exercise. `roundEnds` tells the tablet to start the
 * rest: the set was no warm-up and the current exercise does not move further down the group.
 */
export function afterSet(state: LiveState, exercise: ExerciseRecord, warmup: boolean): { current: string; roundEnds: boolean } {
  const superset = supersetOf(state, exercise);
  if (warmup) return { current: exercise.id, roundEnds: false };
  if (!superset) return { current: exercise.id, roundEnds: true };
  const { members, position } = superset;
  for (let step = 1; step < members.length; step++) {
    const index = (position - 1 + step) % members.length;
    const candidate = members[index]!;
    if (hasSetsLeft(candidate)) return { current: candidate.id, roundEnds: index < position - 1 };
  }
  return { current: exercise.id, roundEnds: true };
}

function hasSetsLeft(exercise: ExerciseRecord): boolean {
  const target = exercise.targetSets;
  return !isDone(exercise) && (!target || workingSets(exercise).length < target);
}

/** "3 × 5 @ 100 kg · RPE 8", "3 × 5", "" */
export function targetText(exercise: Pick<ExerciseRecord, 'targetSets' | 'targetReps' | 'targetWeight' | 'targetRpe'>, unit = 'kg'): string {
  const sets = exercise.targetSets ? `${exercise.targetSets} × ` : '';
  const reps = exercise.targetReps != null ? `${exercise.targetReps}` : '';
  const weight = exercise.targetWeight != null ? ` @ ${formatNumber(exercise.targetWeight)} ${unit}` : '';
  const rpe = exercise.targetRpe != null ? `RPE ${formatNumber(exercise.targetRpe)}` : '';
  return [reps ? `${sets}${reps}${weight}` : weight.trim(), rpe].filter(Boolean).join(' · ');
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

/** How many sets wait for the server on this device (the other commands waiting are not counted). */
export function pendingSetCount(pending: readonly PendingCommand[]): number {
  return pending.filter((c) => c.name === 'log-set').length;
}

/** Sets logged on this device and not yet confirmed, shown greyed until their event arrives. */
export function pendingSets(pending: readonly PendingCommand[], state: LiveState, exerciseId: string): CommandPayloads['log-set'][] {
  const logged = new Set(state.record.exercises.flatMap((e) => e.sets.map((s) => s.id)));
  return pending
    .filter((c) => c.sessionId === state.record.id && c.name === 'log-set')
    .map((c) => c.payload as CommandPayloads['log-set'])
    .filter((p) => p.exerciseRecordId === exerciseId && !logged.has(p.setId));
}
