import { effect } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionSignals, computedIds } from '../src/lib/sessionSignals';
import { LiveSocket } from '../src/lib/socket';
import { fakeConnector } from './support/fakeSocket';
import { SESSION, SQUAT, event, liveState } from './support/states';

const OTHER = '22222222-2222-4222-8222-222222222222';

/** A trainer's socket following SESSION and OTHER, its sessions kept in SessionSignals as the screens do. */
async function twoSessions() {
  const connector = fakeConnector();
  const socket = new LiveSocket({
    url: 'ws://test/api/v1/live',
    device: 'trainer-tablet',
    auth: { token: async () => 'token-1', renew: async () => true },
    connect: connector.connect,
    random: () => 0.5,
  });
  const signals = new SessionSignals();
  socket.onChange(() => signals.sync(socket.sessions));
  socket.follow(SESSION);
  socket.follow(OTHER);
  socket.start();
  await vi.advanceTimersByTimeAsync(0);
  const ws = connector.last();
  ws.welcome();
  ws.receive({ type: 'snapshot', sessionId: SESSION, seq: 0, state: liveState() });
  ws.receive({ type: 'snapshot', sessionId: OTHER, seq: 0, state: liveState() });
  return { socket, signals, ws };
}

const effects: (() => void)[] = [];

/** How many times the signals read by `read` notified an effect, after its first run. */
function notifications(read: () => unknown): { count: number } {
  const seen = { count: -1 };
  effects.push(
    effect(() => {
      read();
      seen.count++;
    }),
  );
  return seen;
}

const setLogged = (seq: number) =>
  event(seq, 'set-logged', { exerciseRecordId: SQUAT, set: { id: `s${seq}`, number: seq, reps: 5 }, currentExerciseRecordId: SQUAT });

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  effects.splice(0).forEach((dispose) => dispose());
  vi.useRealTimers();
});

describe('session signals', () => {
  it('an event of one session changes that session signal only, not the other one nor the id list', async () => {
    const { signals, ws } = await twoSessions();
    const other = signals.session(OTHER)!;
    const before = other.value;
    const otherSeen = notifications(() => other.value);
    const idsSeen = notifications(() => signals.ids.value);
    const sessionSeen = notifications(() => signals.session(SESSION)!.value);

    ws.receive(setLogged(1));

    expect(signals.session(SESSION)!.value.seq).toBe(1);
    expect(sessionSeen.count).toBe(1);
    expect(other.value).toBe(before);
    expect(otherSeen.count).toBe(0);
    expect(idsSeen.count).toBe(0);
  });

  it('the id list changes when a session joins or leaves, and a session that left has no signal', async () => {
    const { socket, signals } = await twoSessions();
    expect(signals.ids.value).toEqual([SESSION, OTHER]);
    socket.unfollow(OTHER);
    expect(signals.ids.value).toEqual([SESSION]);
    expect(signals.session(OTHER)).toBeUndefined();
  });

  it('a computed id list keeps its array while the ids stay the same', async () => {
    const { signals, ws } = await twoSessions();
    const seqs = computedIds(() => signals.ids.value.filter((id) => signals.session(id)!.value.seq === 0));
    const first = seqs.value;
    const seen = notifications(() => seqs.value);
    ws.receive(setLogged(1));
    expect(seqs.value).toEqual([OTHER]);
    expect(seen.count).toBe(1);
    const second = seqs.value;
    ws.receive(setLogged(2));
    expect(seqs.value).toBe(second);
    expect(seen.count).toBe(1);
    expect(first).toEqual([SESSION, OTHER]);
  });
});
