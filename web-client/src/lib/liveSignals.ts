import { signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { PendingCommand } from './commandQueue';
import type { Device } from './protocol';
import { SessionSignals } from './sessionSignals';
import { LiveSocket, type ConnectionStatus, type Rejection, type SessionView, type SocketAuth } from './socket';

/** A screen's live connection as signals: components read them in JSX and re-render only what changed. */
export interface Live {
  socket: LiveSocket;
  status: ReadonlySignal<ConnectionStatus>;
  /** The followed sessions' ids: changes only when a session joins or leaves. */
  sessionIds: ReadonlySignal<readonly string[]>;
  /** One session's view, changing only with that session's events (undefined once it has left). */
  session(id: string): ReadonlySignal<SessionView> | undefined;
  pending: ReadonlySignal<readonly PendingCommand[]>;
  /** Server time, ticking several times a second: every countdown reads this one clock. */
  serverNow: ReadonlySignal<number>;
  /** The latest rejection or socket error, in the server's words, for a banner (set to null to dismiss). */
  problem: Signal<Rejection | null>;
  /** Stops the socket and its clock and listeners, for a screen that signs another person in. */
  close(): void;
}

export function connectLive(options: { device: Device; auth: SocketAuth; display?: boolean; own?: boolean; queueKey: string }): Live {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new LiveSocket({
    url: `${scheme}//${location.host}/api/v1/live`,
    device: options.device,
    auth: options.auth,
    display: options.display ?? false,
    own: options.own ?? false,
    store: localStorage,
    queueKey: options.queueKey,
  });
  const status = signal(socket.status);
  const sessions = new SessionSignals();
  const pending = signal(socket.pending);
  const serverNow = signal(socket.clock.serverNow());
  const problem = signal<Rejection | null>(null);

  socket.onChange(() => {
    status.value = socket.status;
    sessions.sync(socket.sessions);
    pending.value = socket.pending;
  });
  socket.onRejected((r) => (problem.value = r));
  const ticking = setInterval(() => (serverNow.value = socket.clock.serverNow()), 100);

  // A device that knows it is offline stops using its socket, and comes back the moment it is online.
  const offline = () => socket.offline();
  const online = () => socket.wake();
  const visible = () => document.visibilityState === 'visible' && socket.wake();
  addEventListener('offline', offline);
  addEventListener('online', online);
  document.addEventListener('visibilitychange', visible);
  socket.start();
  const close = () => {
    socket.stop();
    clearInterval(ticking);
    removeEventListener('offline', offline);
    removeEventListener('online', online);
    document.removeEventListener('visibilitychange', visible);
  };
  return { socket, status, sessionIds: sessions.ids, session: (id) => sessions.session(id), pending, serverNow, problem, close };
}

/** Every followed session's view, for a computed that orders or picks them (it then reads them all). */
export function allViews(live: Live): SessionView[] {
  return live.sessionIds.value.flatMap((id) => live.session(id)?.value ?? []);
}

/** Oldest session first, so tabs and tiles keep their places as sessions start. */
export function startedFirst(a: SessionView, b: SessionView): number {
  return (a.state.record.startTime ?? '').localeCompare(b.state.record.startTime ?? '');
}
