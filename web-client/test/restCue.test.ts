import { describe, expect, it } from 'vitest';
import type { Timer } from '../src/lib/protocol';
import { RestCueTracker, cuePhase } from '../src/lib/restCue';

const START = 1_000_000;
/** A 60 s rest started at START, running (endsAt START + 60 s) or paused with 25 s left. */
function timer(over: Partial<Timer> = {}): Timer {
  return {
    id: 't1', label: 'Rest', exerciseRecordId: null, durationSeconds: 60,
    startedAt: START, endsAt: START + 60_000, pausedRemainingMs: null, running: true, ...over,
  };
}
const at = (seconds: number) => START + seconds * 1000;

describe('cuePhase: the state at server time t', () => {
  it('rests until ten seconds are left, then gets ready, then says go for five seconds, then idles', () => {
    const t = timer();
    expect(cuePhase(t, null, at(0))).toBe('rest');
    expect(cuePhase(t, null, at(49.999))).toBe('rest');
    expect(cuePhase(t, null, at(50))).toBe('get-ready');
    expect(cuePhase(t, null, at(59.999))).toBe('get-ready');
    expect(cuePhase(t, null, at(60))).toBe('go');
    expect(cuePhase(t, null, at(64.999))).toBe('go');
    expect(cuePhase(t, null, at(65))).toBe('idle');
  });

  it('a rest that ended (the state has no timer any more) is go for five seconds from its deadline', () => {
    expect(cuePhase(null, at(60), at(61))).toBe('go');
    expect(cuePhase(null, at(60), at(65))).toBe('idle');
    expect(cuePhase(null, null, at(61))).toBe('idle');
  });

  it('a paused timer rests, however little is left', () => {
    expect(cuePhase(timer({ running: false, endsAt: null, pausedRemainingMs: 3_000 }), null, at(58))).toBe('rest');
  });
});

describe('RestCueTracker', () => {
  it('keeps go after timer-finished removed the timer, and alerts exactly once', () => {
    const tracker = new RestCueTracker();
    expect(tracker.update(timer(), at(45))).toEqual({ phase: 'rest', alert: false });
    expect(tracker.update(timer(), at(55))).toEqual({ phase: 'get-ready', alert: false });
    expect(tracker.update(timer(), at(60))).toEqual({ phase: 'go', alert: true });
    expect(tracker.update(null, at(60.2))).toEqual({ phase: 'go', alert: false });
    expect(tracker.update(null, at(64))).toEqual({ phase: 'go', alert: false });
    expect(tracker.update(null, at(65))).toEqual({ phase: 'idle', alert: false });
  });

  it('alerts when the finish arrives before this screen ticked past the deadline', () => {
    const tracker = new RestCueTracker();
    tracker.update(timer(), at(59.9));
    expect(tracker.update(null, at(60.1))).toEqual({ phase: 'go', alert: true });
  });

  it('a rest skipped before its end shows no go', () => {
    const tracker = new RestCueTracker();
    tracker.update(timer(), at(52));
    expect(tracker.update(null, at(53))).toEqual({ phase: 'idle', alert: false });
  });

  it('a screen that never saw the countdown shows go but does not sound it', () => {
    const tracker = new RestCueTracker();
    expect(tracker.update(timer(), at(61))).toEqual({ phase: 'go', alert: false });
  });

  it('a new timer starts over: its own get-ready and go', () => {
    const tracker = new RestCueTracker();
    tracker.update(timer(), at(55));
    tracker.update(timer(), at(60));
    tracker.update(null, at(61));
    const next = timer({ id: 't2', startedAt: at(62), endsAt: at(92) });
    expect(tracker.update(next, at(62))).toEqual({ phase: 'rest', alert: false });
    expect(tracker.update(next, at(85))).toEqual({ phase: 'get-ready', alert: false });
    expect(tracker.update(next, at(92))).toEqual({ phase: 'go', alert: true });
  });
});
