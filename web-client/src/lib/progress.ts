import { formatNumber } from './format';
import type { PersonalRecord } from './protocol';

/** `GET /trainees/{id}/progress/exercises`: what the exercise picker offers, most trained first. */
export interface ProgressExercises {
  unit: 'kg' | 'lb';
  items: { exercise: string; exerciseId: string | null; name: string; sessions: number; lastDate: string }[];
}

export interface BestSet {
  reps: number | null;
  weight: number | null;
  rpe: number | null;
  unit: 'kg' | 'lb';
}

/** `GET /trainees/{id}/progress?exercise=`: a point per session, oldest first, in `unit`. */
export interface ExerciseProgress {
  exercise: string;
  unit: 'kg' | 'lb';
  points: { date: string; sessionRecordId: string; e1rm: number | null; bestSet: BestSet; volume: number; workingSets: number }[];
}

/** `GET /trainees/{id}/volume`: working sets per muscle, a week each (oldest first). */
export interface WeeklyVolume {
  timeZone: string;
  weeks: { week: string; start: string; sets: Record<string, number> }[];
  muscles: string[];
}

/** `GET /trainees/{id}/records`: the current records per exercise, in `unit` (docs/coaching.md, Records). */
export interface TraineeRecords {
  unit: 'kg' | 'lb';
  items: {
    exerciseName: string;
    exerciseId: string | null;
    e1rm: PersonalRecord | null;
    weight: PersonalRecord | null;
    /** Reps ascending, so weights descending. */
    repMaxes: PersonalRecord[];
  }[];
}

/** "5 × 100 kg @ 8", "12 reps", "60 kg": a set as a trainer reads it. */
export function setText(set: BestSet): string {
  const load = set.weight == null ? null : `${formatNumber(set.weight)} ${set.unit}`;
  const body = set.reps != null && load ? `${formatNumber(set.reps)} × ${load}` : load ?? `${formatNumber(set.reps ?? 0)} reps`;
  return set.rpe == null ? body : `${body} @ ${formatNumber(set.rpe)}`;
}

/** The highest e1RM of the points and the date of the first session that reached it; null when none has one. */
export function bestE1rm(points: ExerciseProgress['points']): { e1rm: number; date: string } | null {
  let best: { e1rm: number; date: string } | null = null;
  for (const p of points) if (p.e1rm != null && (!best || p.e1rm > best.e1rm)) best = { e1rm: p.e1rm, date: p.date };
  return best;
}

/** The busiest cell of the weeks: what a heat map's darkest shade stands for. */
export function busiest(weeks: WeeklyVolume['weeks']): number {
  return Math.max(0, ...weeks.flatMap((w) => Object.values(w.sets)));
}
