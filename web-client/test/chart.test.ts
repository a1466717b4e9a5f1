import { describe, expect, it } from 'vitest';
import { dayNumber, heatLevel, linearScale, niceTicks } from '../src/lib/chart';

describe('linearScale', () => {
  it('maps the domain onto the range, flipped ranges included', () => {
    const y = linearScale([100, 140], [200, 0]);
    expect(y(100)).toBe(200);
    expect(y(140)).toBe(0);
    expect(y(120)).toBe(100);
  });

  it('puts a single value in the middle', () => {
    expect(linearScale([5, 5], [0, 600])(5)).toBe(300);
  });
});

describe('niceTicks', () => {
  it('covers the values with round steps', () => {
    expect(niceTicks(97.3, 131.4)).toEqual([90, 100, 110, 120, 130, 140]);
    expect(niceTicks(0, 1)).toEqual([0, 0.5, 1]);
    expect(niceTicks(0, 12)).toEqual([0, 5, 10, 15]);
  });

  it('has no floating-point dust', () => {
    expect(niceTicks(0.1, 0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it('gives a single value a step either side', () => {
    expect(niceTicks(100, 100)).toEqual([90, 100, 110]);
    expect(niceTicks(0, 0)).toEqual([-1, 0, 1]);
  });

  it('is empty for no values', () => {
    expect(niceTicks(Infinity, -Infinity)).toEqual([]);
  });
});

describe('dayNumber', () => {
  it('keeps calendar days one apart across a daylight-saving change', () => {
    expect(dayNumber('2026-03-09') - dayNumber('2026-03-08')).toBe(1);
    expect(dayNumber('2026-11-02') - dayNumber('2026-11-01')).toBe(1);
  });
});

describe('heatLevel', () => {
  it('is 0 for nothing and 1..4 by share of the busiest cell', () => {
    expect(heatLevel(0, 10)).toBe(0);
    expect(heatLevel(0.5, 10)).toBe(1);
    expect(heatLevel(5, 10)).toBe(2);
    expect(heatLevel(7.5, 10)).toBe(3);
    expect(heatLevel(10, 10)).toBe(4);
  });
});
