import { describe, expect, it } from 'vitest';
import { lengthCm, lengthUnit, shownLength, shownWeight, weightKg } from '../src/lib/bodyUnits';

describe('body measurements in the trainer\'s unit', () => {
  it('are metric as stored for a kg trainer', () => {
    expect(lengthUnit('kg')).toBe('cm');
    expect(shownWeight(81.4, 'kg')).toBe(81.4);
    expect(weightKg(81.4, 'kg')).toBe(81.4);
    expect(shownLength(172.5, 'kg')).toBe(172.5);
    expect(lengthCm(84, 'kg')).toBe(84);
  });

  it('are pounds and inches for an lb trainer, exact on the way in and to 0.1 on the way out', () => {
    expect(lengthUnit('lb')).toBe('in');
    expect(weightKg(180, 'lb')).toBeCloseTo(81.6466266, 6);
    expect(shownWeight(81.65, 'lb')).toBe(180); // what numeric(6,2) kept of 180 lb
    expect(lengthCm(32, 'lb')).toBeCloseTo(81.28, 10);
    expect(shownLength(172.7, 'lb')).toBe(68); // 68 in kept as numeric(5,1) cm
  });
});
