import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveSocket, type LiveSocketOptions, type Rejection } from '../src/lib/socket';
import { FakeSocket, MemoryStore, fakeConnector } from './support/fakeSocket';
import { SESSION, SQUAT, event, liveState } from './support/states';

const OTHER = '22222222-2222-4222-8222-222222222222';
const flush = () => vi.advanceTimersByTimeAsync(0);

function setUp(options: Partial<LiveSocketOptions> = {}) {
  const connector = fakeConnector();
  const auth = { token: vi.fn(async () => 'token-1'), renew: vi.fn(async () => true) };
  const store = new MemoryStore();
  const socket = new LiveSocket({
    url: 'ws://test/api/v1/live',
    device: 'trainer-tablet',
    auth,
    store,
    connect: connector.connect,
    random: () => 0.5,
    ...options,
  });
  return { socket, connector, auth, store };
}

/** Starts, connects and subscribes to SESSION with a snapshot at `seq`. */
async function following(seq = 0, options: Partial<LiveSocketOptions> = {}) {
  const t = setUp(options);
  t.socket.follow(SESSION);
  t.socket.start();
  await flush();
  const ws = t.connector.last();
  ws.welcome();
  ws.receive({ type: 'snapshot', sessionId: SESSION, seq, state: liveState() });
  return { ...t, ws };
}

const logged = (seq: number, setId = `s${seq}`) =>
  event(seq, 'set-logged', {
    exerciseRecordId: SQUAT,
    set: { id: setId, number: seq, reps: 5 },
    currentExerciseRecordId: SQUAT,
  });

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_000_000);
});
afterEach(() => vi.useRealTimers());

describe('connecting', () => {
  it('says hello with the token and the device first, and is online once welcomed', async () => {
    const { socket, connector } = setUp();
    socket.start();
    await flush();
    const ws = connector.last();
    expect(ws.url).toBe('ws://test/api/v1/live');
    expect(socket.status).toBe('connecting');
    ws.open();
    expect(ws.sent[0]).toEqual({ type: 'hello', token: 'token-1', device: 'trainer-tablet' });
    ws.receive({ type: 'welcome', connectionId: 'c1', role: 'trainer', serverTime: 1_000_000, heartbeatMs: 15_000 });
    expect(socket.status).toBe('online');
    expect(socket.role).toBe('trainer');
  });

  it('without a token it does not connect and reports signed-out', async () => {
    const { socket, connector } = setUp({ auth: { token: async () => null, renew: async () => false } });
    socket.start();
    await flush();
    expect(connector.sockets).toHaveLength(0);
    expect(socket.status).toBe('signed-out');
  });

  it('subscribes to the sessions it follows, and keeps their snapshot', async () => {
    const { socket, ws } = await following(7);
    expect(ws.sentOf('subscribe')).toEqual([{ type: 'subscribe', sessionId: SESSION }]);
    expect(socket.sessions.get(SESSION)?.seq).toBe(7);
    expect(socket.sessions.get(SESSION)?.state.trainee.name).toBe('Maria Lopez');
  });

  it('a wall display asks for every live session of its trainer', async () => {
    const { socket, connector } = setUp({ display: true });
    socket.start();
    await flush();
    const ws = connector.last();
    ws.welcome();
    expect(ws.sentOf('subscribe-display')).toHaveLength(1);
    ws.receive({ type: 'snapshot', sessionId: OTHER, seq: 3, state: liveState() });
    expect([...socket.sessions.keys()]).toEqual([OTHER]);
  });

  it("a trainee's phone asks for its own sessions, keeps one that ended and does not resubscribe to it", async () => {
    const { socket, connector } = setUp({ device: 'trainee-phone', own: true });
    socket.start();
    await flush();
    const ws = connector.last();
    ws.welcome();
    expect(ws.sentOf('subscribe-own')).toHaveLength(1);
    expect(ws.sentOf('subscribe-display')).toHaveLength(0);
    ws.receive({ type: 'snapshot', sessionId: SESSION, seq: 0, state: liveState() });
    ws.receive(event(1, 'session-ended', { status: 'completed', endTime: '2026-12-01T10:00:00Z' }));
    expect(socket.sessions.get(SESSION)?.state.record.status).toBe('completed');

    ws.drop(1012);
    await vi.advanceTimersByTimeAsync(1_000);
    const again = connector.last();
    again.welcome();
    expect(again.sentOf('subscribe')).toHaveLength(0);
    expect(again.sentOf('subscribe-own')).toHaveLength(1);
  });
});

describe('events', () => {
  it('applies events in seq order with the reducer and ignores ones it already has', async () => {
    const { socket, ws } = await following(0);
    ws.receive(logged(1));
    ws.receive(logged(1));
    ws.receive(logged(2));
    const view = socket.sessions.get(SESSION)!;
    expect(view.seq).toBe(2);
    expect(view.state.record.exercises[0]!.sets.map((s) => s.id)).toEqual(['s1', 's2']);
  });

  it('a missing seq triggers one resubscribe from the last seq it has, then the catch-up fills the gap', async () => {
    const { socket, ws } = await following(0);
    ws.receive(logged(1));
    ws.receive(logged(3));
    ws.receive(logged(4));
    expect(ws.sentOf('subscribe')).toEqual([
      { type: 'subscribe', sessionId: SESSION },
      { type: 'subscribe', sessionId: SESSION, afterSeq: 1 },
    ]);
    expect(socket.sessions.get(SESSION)!.seq).toBe(1);
    ws.receive(logged(2));
    ws.receive(logged(3));
    ws.receive(logged(4));
    ws.receive({ type: 'subscribed', sessionId: SESSION, seq: 4, recovered: true });
    expect(socket.sessions.get(SESSION)!.seq).toBe(4);
    expect(socket.sessions.get(SESSION)!.state.record.exercises[0]!.sets).toHaveLength(4);
  });

  it('a rate-limited resubscribe is sent again a moment later, and the gap still fills', async () => {
    const { socket, ws } = await following(0);
    ws.receive(logged(1));
    ws.receive(logged(3));
    ws.receive({ type: 'error', code: 'rate-limited', message: 'too many subscribe messages', sessionId: SESSION });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ws.sentOf('subscribe').slice(1)).toEqual([
      { type: 'subscribe', sessionId: SESSION, afterSeq: 1 },
      { type: 'subscribe', sessionId: SESSION, afterSeq: 1 },
    ]);
    ws.receive(logged(2));
    ws.receive(logged(3));
    ws.receive({ type: 'subscribed', sessionId: SESSION, seq: 3, recovered: true });
    expect(socket.sessions.get(SESSION)!.seq).toBe(3);
  });

  it('a snapshot older than what it already applied changes nothing', async () => {
    const { socket, ws } = await following(0);
    ws.receive(logged(1));
    ws.receive({ type: 'snapshot', sessionId: SESSION, seq: 0, state: liveState() });
    expect(socket.sessions.get(SESSION)!.seq).toBe(1);
  });

  it('presence replaces the devices watching', async () => {
    const { socket, ws } = await following(0);
    const devices = [{ connectionId: 'x', role: 'trainee', device: 'trainee-phone', since: 1 }];
    ws.receive({ type: 'presence', sessionId: SESSION, devices });
    expect(socket.sessions.get(SESSION)!.state.presence).toEqual(devices);
  });

  it('a session it may not see is dropped, with its queued commands reported', async () => {
    const { socket, ws } = await following(0);
    const rejections: Rejection[] = [];
    socket.onRejected((r) => rejections.push(r));
    ws.readyState = 0; // the command waits in the queue
    socket.command(SESSION, 'add-note', { text: 'x' });
    ws.readyState = 1;
    ws.receive({ type: 'error', code: 'not-found', message: 'no such session', sessionId: SESSION });
    expect(socket.sessions.has(SESSION)).toBe(false);
    expect(socket.pending).toHaveLength(0);
    expect(rejections.map((r) => r.command?.name)).toEqual(['add-note']);
  });
});

describe('reconnecting', () => {
  it('after a drop it comes back after a jittered backoff and resumes with afterSeq', async () => {
    const { socket, ws, connector } = await following(0);
    ws.receive(logged(1));
    ws.drop(1006);
    expect(socket.status).toBe('offline');
    await vi.advanceTimersByTimeAsync(374);
    expect(connector.sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(connector.sockets).toHaveLength(2);
    const again = connector.last();
    again.welcome();
    expect(again.sentOf('subscribe')).toEqual([{ type: 'subscribe', sessionId: SESSION, afterSeq: 1 }]);
  });

  it('waits longer after each failed attempt, and starts over once welcomed', async () => {
    const { connector, ws } = await following(0);
    ws.drop(1006);
    await vi.advanceTimersByTimeAsync(375);
    connector.last().drop(1006);
    await vi.advanceTimersByTimeAsync(749);
    expect(connector.sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(connector.sockets).toHaveLength(3);
  });

  it('a server that is restarting (reconnect, 1012) is left at once for another', async () => {
    const { connector, ws } = await following(0);
    ws.receive({ type: 'reconnect', reason: 'server restarting' });
    ws.drop(1012);
    await vi.advanceTimersByTimeAsync(500);
    expect(connector.sockets).toHaveLength(2);
  });

  it('a refused token (4401) is renewed and the socket comes back with the new one', async () => {
    const { connector, ws, auth, socket } = await following(0);
    auth.token.mockResolvedValue('token-2');
    ws.drop(4401);
    await vi.advanceTimersByTimeAsync(1000);
    expect(auth.renew).toHaveBeenCalledOnce();
    connector.last().open();
    expect(connector.last().sent[0]).toMatchObject({ type: 'hello', token: 'token-2' });
    expect(socket.status).toBe('connecting');
  });

  it('a token that cannot be renewed leaves it signed out, without retrying', async () => {
    const { connector, ws, auth, socket } = await following(0);
    auth.renew.mockResolvedValue(false);
    ws.drop(4401);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(socket.status).toBe('signed-out');
    expect(connector.sockets).toHaveLength(1);
  });

  it('a socket that stops answering pings is closed and replaced', async () => {
    const { connector, ws } = await following(0);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(ws.sentOf('ping').length).toBeGreaterThanOrEqual(3);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ws.closedWith).toBe(4000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(connector.sockets).toHaveLength(2);
  });

  it('offline waits for wake instead of hammering a dead network', async () => {
    const { connector, socket } = await following(0);
    socket.offline();
    expect(socket.status).toBe('offline');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(connector.sockets).toHaveLength(1);
    socket.wake();
    await flush();
    expect(connector.sockets).toHaveLength(2);
  });
});

describe('commands', () => {
  it('are sent with a commandId and stay pending until acked', async () => {
    const { socket, ws } = await following(0);
    const id = socket.command(SESSION, 'log-set', { exerciseRecordId: SQUAT, setId: 's1', reps: 5 });
    expect(ws.sentOf('command')).toEqual([
      { type: 'command', sessionId: SESSION, commandId: id, name: 'log-set', payload: { exerciseRecordId: SQUAT, setId: 's1', reps: 5 } },
    ]);
    expect(socket.pending.map((c) => c.commandId)).toEqual([id]);
    ws.receive({ type: 'ack', commandId: id, seq: 1 });
    expect(socket.pending).toHaveLength(0);
  });

  it('made offline, they survive a reload and are sent once connected, in order', async () => {
    const first = setUp();
    first.socket.command(SESSION, 'log-set', { exerciseRecordId: SQUAT, setId: 'a' });
    first.socket.command(SESSION, 'log-set', { exerciseRecordId: SQUAT, setId: 'b' });
    expect(first.connector.sockets).toHaveLength(0);

    const reloaded = setUp({ store: first.store });
    expect(reloaded.socket.pending).toHaveLength(2);
    reloaded.socket.start();
    await flush();
    reloaded.connector.last().welcome();
    const sent = reloaded.connector.last().sentOf('command');
    expect(sent.map((c) => (c.payload as { setId: string }).setId)).toEqual(['a', 'b']);
    expect(sent.map((c) => c.commandId)).toEqual(first.socket.pending.map((c) => c.commandId));
  });

  it('after a reconnect, every unanswered command is sent again with the same commandId', async () => {
    const { socket, ws, connector } = await following(0);
    const id = socket.command(SESSION, 'add-note', { text: 'hi' });
    ws.drop(1006);
    await vi.advanceTimersByTimeAsync(1000);
    connector.last().welcome();
    expect(connector.last().sentOf('command').map((c) => c.commandId)).toEqual([id]);
  });

  it('a command left unanswered on an open socket is sent again', async () => {
    const { socket, ws } = await following(0);
    const id = socket.command(SESSION, 'add-note', { text: 'hi' });
    ws.receive({ type: 'pong', clientTime: Date.now(), serverTime: Date.now() });
    await vi.advanceTimersByTimeAsync(5_000);
    ws.receive({ type: 'pong', clientTime: Date.now(), serverTime: Date.now() });
    await vi.advanceTimersByTimeAsync(6_000);
    expect(ws.sentOf('command').map((c) => c.commandId)).toEqual([id, id]);
  });

  it('a final rejection removes the command and tells the screen the server message', async () => {
    const { socket, ws } = await following(0);
    const rejections: Rejection[] = [];
    socket.onRejected((r) => rejections.push(r));
    const id = socket.command(SESSION, 'pause-timer', {});
    ws.receive({ type: 'rejected', commandId: id, code: 'conflict', message: 'there is no timer' });
    expect(socket.pending).toHaveLength(0);
    expect(rejections).toEqual([expect.objectContaining({ code: 'conflict', message: 'there is no timer' })]);
    expect(rejections[0]!.command?.commandId).toBe(id);
  });

  it('rate-limited or unavailable keeps the command and retries it with the same id', async () => {
    const { socket, ws } = await following(0);
    const rejections: Rejection[] = [];
    socket.onRejected((r) => rejections.push(r));
    const id = socket.command(SESSION, 'add-note', { text: 'x' });
    ws.receive({ type: 'rejected', commandId: id, code: 'rate-limited', message: 'slow down' });
    expect(socket.pending).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(ws.sentOf('command').map((c) => c.commandId)).toEqual([id, id]);
    expect(rejections).toHaveLength(0);
  });
});

describe('clock', () => {
  it('samples the clock several times right after connecting', async () => {
    const { ws } = await following(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ws.sentOf('ping')).toHaveLength(5);
  });

  it('takes the server offset from ping/pong, trusting the fastest round trip', async () => {
    const { socket, ws } = await following(0);
    const ping = ws.sentOf('ping')[0]!;
    expect(ping.clientTime).toBe(1_000_000);
    vi.setSystemTime(1_000_100); // 100 ms round trip: the server stamped it ~50 ms in
    ws.receive({ type: 'pong', clientTime: 1_000_000, serverTime: 1_005_050 });
    expect(socket.clock.offset).toBe(5_000);
    vi.setSystemTime(1_002_000);
    ws.receive({ type: 'pong', clientTime: 1_000_500, serverTime: 1_009_000 }); // 1.5 s round trip: distorted
    expect(socket.clock.offset).toBe(5_000);
    expect(socket.clock.serverNow()).toBe(1_007_000);
  });
});

describe('the fake', () => {
  it('refuses sends before open, as a browser socket does', () => {
    expect(() => new FakeSocket('x').send('{}')).toThrow();
  });
});
