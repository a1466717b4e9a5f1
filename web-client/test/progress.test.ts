import { describe, expect, it } from 'vitest';
import { bestE1rm, busiest, setText } from '../src/lib/progress';

describe('setText', () => {
  it('reads reps × weight @ RPE, and what there is of it', () => {
    expect(setText({ reps: 5, weight: 102.5, rpe: 8.5, unit: 'kg' })).toBe('5 × 102.5 kg @ 8.5');
    expect(setText({ reps: 5, weight: 225, rpe: null, unit: 'lb' })).toBe('5 × 225 lb');
    expect(setText({ reps: 12, weight: null, rpe: null, unit: 'kg' })).toBe('12 reps');
    expect(setText({ reps: null, weight: 60, rpe: null, unit: 'kg' })).toBe('60 kg');
  });
});

describe('bestE1rm', () => {
  it('takes the first session that reached the highest e1RM and skips points without one', () => {
    const set = { reps: 5, weight: 100, rpe: null, unit: 'kg' as const };
    const point = (date: string, e1rm: number | null) => ({ date, sessionRecordId: date, e1rm, bestSet: set, volume: 0, workingSets: 1 });
    expect(bestE1rm([point('2026-10-01', 120), point('2026-10-08', null), point('2026-10-15', 131.4), point('2026-10-22', 131.4)]))
      .toEqual({ e1rm: 131.4, date: '2026-10-15' });
    expect(bestE1rm([point('2026-10-08', null)])).toBeNull();
  });
});

describe('busiest', () => {
  it('is the largest cell, 0 for idle weeks', () => {
    expect(busiest([{ week: 'a', start: 'a', sets: { chest: 3, triceps: 1.5 } }, { week: 'b', start: 'b', sets: { quadriceps: 6 } }])).toBe(6);
    expect(busiest([{ week: 'a', start: 'a', sets: {} }])).toBe(0);
  });
});
