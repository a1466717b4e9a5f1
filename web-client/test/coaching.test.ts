import { describe, expect, it } from 'vitest';
import { e1rm, percent, roundDown, suggest } from '../src/lib/coaching';
import type { CoachingSettings, WorkSet } from '../src/lib/protocol';

/** The same cases as the server's E1rmTest and SuggestedLoadTest: the two sides must agree. */
const KG: CoachingSettings = { unit: 'kg', loadIncrement: 2.5 };
const LB: CoachingSettings = { unit: 'lb', loadIncrement: 5 };

let n = 0;
const set = (kind: WorkSet['kind'], reps: number, weight: number, unit: 'kg' | 'lb', rpe?: number): WorkSet => ({
  id: `s${++n}`, number: n, kind, reps, weight, unit, rpe,
});
const exercise = (targetReps: number | null, targetRpe: number | null, today: WorkSet[], lastSession?: WorkSet[]) => ({
  targetReps, targetRpe, sets: today, previous: lastSession ? { date: '2026-11-10', sets: lastSession } : null,
});

describe('e1RM', () => {
  it('is weight / p(reps + 10 - rpe), a set without RPE at 10, to 0.1', () => {
    expect(e1rm(set('working', 5, 100, 'kg', 8), 'kg')).toBe(123.3);
    expect(e1rm(set('working', 3, 100, 'kg'), 'kg')).toBe(108.5);
    expect(e1rm(set('working', 5, 100, 'kg', 8.5), 'kg')).toBe(121.4);
    expect(percent(6.5)).toBeCloseTo(0.824, 10);
  });

  it('ends with the chart and never counts warm-ups; a pound set converts before rounding', () => {
    expect(e1rm(set('working', 12, 100, 'kg'), 'kg')).toBe(147.1);
    expect(e1rm(set('working', 13, 100, 'kg'), 'kg')).toBeNull();
    expect(e1rm(set('warmup', 5, 100, 'kg', 8), 'kg')).toBeNull();
    expect(e1rm(set('working', 5, 225, 'lb', 8), 'kg')).toBe(125.8);
  });
});

describe('suggested load', () => {
  it("the docs' example: e1RM 112.5 kg, 5 reps @ 8 is 91.24 kg, down to 90", () => {
    expect(suggest(exercise(5, 8, [], [set('working', 1, 112.5, 'kg', 10)]), KG)).toEqual({
      weight: 90, e1rm: 112.5, percent: 81.1, source: 'last-session',
    });
  });

  it("today's best wins over the last session's, warm-ups aside", () => {
    const s = suggest(exercise(5, 8, [set('working', 3, 100, 'kg', 9), set('warmup', 1, 140, 'kg', 10)], [set('working', 1, 200, 'kg', 10)]), KG);
    expect(s).toEqual({ weight: 90, e1rm: 112.1, percent: 81.1, source: 'today' });
  });

  it("rounds down to the trainer's increment", () => {
    const e = exercise(5, 8, [set('working', 1, 112.5, 'kg', 10)]);
    expect(suggest(e, KG)?.weight).toBe(90);
    expect(suggest(e, { unit: 'kg', loadIncrement: 1 })?.weight).toBe(91);
    expect(suggest(e, { unit: 'kg', loadIncrement: 0.2 })?.weight).toBe(91.2);
    expect(roundDown(90, 2.5)).toBe(90);
    expect(roundDown(0.3 * 3, 0.3)).toBe(0.9);
  });

  it('in pounds: 100 kg is 220.5 lb, 8 @ 7 is 70.7 %: 155 lb', () => {
    expect(suggest(exercise(8, 7, [set('working', 1, 100, 'kg', 10)]), LB)).toEqual({
      weight: 155, e1rm: 220.5, percent: 70.7, source: 'today',
    });
  });

  it('half an RPE target: 5 @ 8.5 is 82.4 %, 120 kg gives 97.5', () => {
    expect(suggest(exercise(5, 8.5, [set('working', 1, 120, 'kg')]), KG)).toMatchObject({ weight: 97.5, percent: 82.4 });
  });

  it('is null without both targets, without an e1RM, off the chart or under one increment', () => {
    const heavy = [set('working', 1, 100, 'kg', 10)];
    expect(suggest(exercise(null, 8, heavy), KG)).toBeNull();
    expect(suggest(exercise(5, null, heavy), KG)).toBeNull();
    expect(suggest(exercise(5, 8, [set('warmup', 5, 60, 'kg', 5)]), KG)).toBeNull();
    expect(suggest(exercise(5, 8, [], []), KG)).toBeNull();
    expect(suggest(exercise(5, 8, [set('working', 15, 40, 'kg', 6)]), KG)).toBeNull();
    expect(suggest(exercise(8, 6, heavy), KG)).not.toBeNull();
    expect(suggest(exercise(10, 6, heavy), KG)).toBeNull();
    expect(suggest(exercise(1, 10, [set('working', 1, 2, 'kg', 10)]), KG)).toBeNull();
  });
});
