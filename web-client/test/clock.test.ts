import { describe, expect, it } from 'vitest';
import { Backoff } from '../src/lib/backoff';
import { formatClock, remainingMs, shownSeconds } from '../src/lib/clock';

describe('countdown arithmetic', () => {
  it('a running timer counts to its end in server time; a paused one holds', () => {
    expect(remainingMs({ running: true, endsAt: 10_000, pausedRemainingMs: null }, 4_500)).toBe(5_500);
    expect(remainingMs({ running: true, endsAt: 10_000, pausedRemainingMs: null }, 12_000)).toBe(0);
    expect(remainingMs({ running: false, endsAt: null, pausedRemainingMs: 42_000 }, 99_999)).toBe(42_000);
    expect(remainingMs(null, 1)).toBe(0);
    // A clock estimate 300 ms behind the server right after the start still shows the full 60 s, not 61.
    expect(remainingMs({ running: true, startedAt: 100_000, endsAt: 160_000, pausedRemainingMs: null }, 99_700)).toBe(60_000);
  });

  it('shows whole seconds rounded up, so every screen flips at the same instant', () => {
    expect(shownSeconds(5_500)).toBe(6);
    expect(shownSeconds(5_000)).toBe(5);
    expect(shownSeconds(1)).toBe(1);
    expect(shownSeconds(0)).toBe(0);
    expect(formatClock(95)).toBe('1:35');
    expect(formatClock(9)).toBe('0:09');
  });
});

describe('Backoff', () => {
  it('doubles up to the cap, each delay drawn from the upper half', () => {
    const low = new Backoff(500, 4_000, () => 0);
    expect([low.next(), low.next(), low.next(), low.next(), low.next()]).toEqual([250, 500, 1_000, 2_000, 2_000]);
    const high = new Backoff(500, 4_000, () => 1);
    expect([high.next(), high.next()]).toEqual([500, 1_000]);
    high.reset();
    expect(high.next()).toBe(500);
  });
});
