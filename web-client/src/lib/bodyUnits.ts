import { KILOGRAMS, tenth } from './coaching';
import type { WeightUnit } from './protocol';

/**
 * Body measurements are stored metric (body weight in kg, height and girths in cm; docs/openapi.yaml).
 * A trainer whose unit is lb sees and types them in lb and inches; shown values are rounded to 0.1,
 * typed ones converted exactly (the server keeps what its columns hold).
 */
export type LengthUnit = 'cm' | 'in';

const CM_PER: Record<LengthUnit, number> = { cm: 1, in: 2.54 };

/** The length unit that goes with a weight unit: inches with pounds. */
export function lengthUnit(unit: WeightUnit): LengthUnit {
  return unit === 'lb' ? 'in' : 'cm';
}

/** A stored body weight (kg) in `unit`, to 0.1. */
export function shownWeight(kg: number, unit: WeightUnit): number {
  return tenth(kg / KILOGRAMS[unit]);
}

/** A typed body weight in `unit`, in kg. */
export function weightKg(value: number, unit: WeightUnit): number {
  return value * KILOGRAMS[unit];
}

/** A stored length (cm) in the length unit of `unit`, to 0.1. */
export function shownLength(cm: number, unit: WeightUnit): number {
  return tenth(cm / CM_PER[lengthUnit(unit)]);
}

/** A typed length in the length unit of `unit`, in cm. */
export function lengthCm(value: number, unit: WeightUnit): number {
  return value * CM_PER[lengthUnit(unit)];
}
