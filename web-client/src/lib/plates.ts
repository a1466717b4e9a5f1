import type { ExerciseRecord, WeightUnit } from './protocol';

/** Plate math for a loaded barbell: what goes on each side of the bar. */

const BARS: Record<WeightUnit, { bar: number; plates: readonly number[] }> = {
  kg: { bar: 20, plates: [25, 20, 15, 10, 5, 2.5, 1.25] },
  lb: { bar: 45, plates: [45, 35, 25, 10, 5, 2.5] },
};

/**
 * A barbell lift: its equipment names a barbell; when no equipment is known, its name does
 * ("barbell", "bench press", "squat", "deadlift"). Equipment that is known and names no barbell
 * (a dumbbell bench press, a goblet squat on a kettlebell) wins over the name.
 */
export function isBarbell(exercise: Pick<ExerciseRecord, 'exerciseName' | 'equipment'>): boolean {
  if (exercise.equipment.length > 0) return exercise.equipment.some((e) => /barbell/i.test(e));
  return /barbell|bench press|squat|deadlift/i.test(exercise.exerciseName);
}

export interface PlateLoad {
  bar: number;
  /** Plates for one side, heaviest first. */
  perSide: number[];
  /** The weight these plates make (bar + both sides): the asked weight when exact, else the nearest below. */
  loaded: number;
  exact: boolean;
}

/** Plates per side for `weight` on the standard bar of `unit`, fewest plates first (greedy is exact for these sets). */
export function plates(weight: number, unit: WeightUnit): PlateLoad {
  const { bar, plates: sizes } = BARS[unit];
  // In hundredths: 1.25 and 2.5 stay exact.
  let left = Math.round(((weight - bar) / 2) * 100);
  const perSide: number[] = [];
  if (left > 0) {
    for (const size of sizes) {
      const cents = Math.round(size * 100);
      while (left >= cents) {
        perSide.push(size);
        left -= cents;
      }
    }
  }
  const sideLoad = perSide.reduce((sum, p) => sum + p, 0);
  const loaded = bar + 2 * sideLoad;
  return { bar, perSide, loaded, exact: Math.abs(loaded - weight) < 0.005 };
}
