import { Backoff } from './backoff';
import { ServerClock } from './clock';
import { CommandQueue, type KeyValueStore, type PendingCommand } from './commandQueue';
import type {
  ClientMessage,
  CommandName,
  CommandPayloads,
  Device,
  FieldError,
  LiveEvent,
  LiveState,
  RejectionCode,
  Role,
  ServerMessage,
} from './protocol';
import { reduce } from './reducer';

/** The part of a browser WebSocket this client uses (tests pass a fake). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason?: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

/** Where the socket's token comes from; `renew` gets a fresh one after the server refused it. */
export interface SocketAuth {
  token(): Promise<string | null>;
  renew(): Promise<boolean>;
}

export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'signed-out';

/** One followed session: its state as of `seq`. */
export interface SessionView {
  sessionId: string;
  seq: number;
  state: LiveState;
}

export interface Rejection {
  command: PendingCommand | null;
  code: RejectionCode | string;
  message: string;
  errors?: FieldError[];
}

export interface LiveSocketOptions {
  url: string;
  device: Device;
  auth: SocketAuth;
  /** A wall display: follow every live session of the trainer (`subscribe-display`). */
  display?: boolean;
  /** A trainee's phone: follow its own sessions as the trainer starts them (`subscribe-own`). */
  own?: boolean;
  store?: KeyValueStore | null;
  queueKey?: string;
  connect?: (url: string) => SocketLike;
  now?: () => number;
  random?: () => number;
}

const OPEN = 1;
/** Answers the server gives again for the same commandId: final. These two are worth retrying. */
const RETRYABLE: readonly string[] = ['rate-limited', 'unavailable'];
const CLOSE_UNAUTHORIZED = 4401;
const CLOSE_RESTART = 1012;
/** Closed by us: the socket went quiet (no pong) or the device went offline. */
const CLOSE_DEAD = 4000;
const RESEND_AFTER_MS = 10_000;
const RETRY_AFTER_MS = 1_000;
const CLOCK_BURST = 5;
const CLOCK_BURST_GAP_MS = 200;

/**
 * The live connection every screen uses: says hello, follows sessions (resuming with `afterSeq`,
 * resubscribing when a seq is missing), keeps each session's state with the pure reducer, measures
 * the server's clock, and sends commands from a queue that survives disconnects and reloads.
 * Reconnects by itself with jittered backoff; a `reconnect` message or close 1012 comes back at once.
 */
export class LiveSocket {
  readonly clock: ServerClock;
  readonly queue: CommandQueue;
  status: ConnectionStatus = 'offline';
  role: Role | null = null;
  readonly sessions = new Map<string, SessionView>();

  private readonly followed = new Set<string>();
  /** Sessions waiting for a catch-up after a missing seq: no second resubscribe meanwhile. */
  private readonly resyncing = new Set<string>();
  private readonly sentAt = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private readonly rejectionListeners = new Set<(r: Rejection) => void>();
  private readonly eventListeners = new Set<(e: LiveEvent) => void>();
  private readonly backoff: Backoff;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly connectSocket: (url: string) => SocketLike;
  private ws: SocketLike | null = null;
  private heartbeatMs = 15_000;
  private lastHeard = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private tickTimer: ReturnType<typeof setInterval> | null = null;
  private stopped = true;

  constructor(private readonly options: LiveSocketOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.clock = new ServerClock(this.now);
    this.backoff = new Backoff(500, 15_000, this.random);
    this.queue = new CommandQueue(options.store ?? null, options.queueKey ?? 'spotter.pending', this.now);
    this.connectSocket = options.connect ?? ((url) => new WebSocket(url) as unknown as SocketLike);
  }

  // ------------------------------------------------------------------ public API

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.open();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.ws?.close(1000, 'bye');
    this.detach();
    this.setStatus('offline');
  }

  /** The device lost its network: stop using a socket that cannot work, until `wake`. */
  offline(): void {
    if (this.stopped || !this.ws) return;
    this.ws.close(CLOSE_DEAD, 'offline');
    this.onClosed(CLOSE_DEAD, false);
  }

  /** Network back, tab visible again: reconnect now instead of waiting out the backoff. */
  wake(): void {
    if (this.stopped || this.ws) return;
    this.backoff.reset();
    void this.open();
  }

  follow(sessionId: string): void {
    if (this.followed.has(sessionId)) return;
    this.followed.add(sessionId);
    if (this.status === 'online') this.subscribe(sessionId);
  }

  unfollow(sessionId: string): void {
    this.followed.delete(sessionId);
    this.sessions.delete(sessionId);
    this.resyncing.delete(sessionId);
    if (this.status === 'online') this.send({ type: 'unsubscribe', sessionId });
    this.emit();
  }

  /** Queues the command and sends it when connected; returns its commandId. */
  command<N extends CommandName>(sessionId: string, name: N, payload: CommandPayloads[N]): string {
    const command = this.queue.add(sessionId, name, payload);
    if (this.status === 'online') this.sendCommand(command);
    this.emit();
    return command.commandId;
  }

  get pending(): readonly PendingCommand[] {
    return this.queue.all;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Each event as it is applied to its session, for screens that react to a moment (a record). */
  onEventApplied(listener: (e: LiveEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onRejected(listener: (r: Rejection) => void): () => void {
    this.rejectionListeners.add(listener);
    return () => this.rejectionListeners.delete(listener);
  }

  // ------------------------------------------------------------------ connection

  private async open(): Promise<void> {
    this.reconnectTimer = null;
    this.setStatus('connecting');
    const token = await this.options.auth.token().catch(() => null);
    if (this.stopped) return;
    if (!token) {
      this.setStatus('signed-out');
      return;
    }
    const ws = this.connectSocket(this.options.url);
    this.ws = ws;
    ws.onopen = () => this.send({ type: 'hello', token, device: this.options.device });
    ws.onmessage = (ev) => {
      if (this.ws === ws && typeof ev.data === 'string') this.onMessage(ev.data);
    };
    ws.onclose = (ev) => {
      if (this.ws === ws) this.onClosed(ev.code, true);
    };
    ws.onerror = () => undefined;
  }

  private onClosed(code: number, byServer: boolean): void {
    this.detach();
    this.clearTimers();
    if (this.stopped) return;
    if (code === CLOSE_UNAUTHORIZED) {
      this.setStatus('connecting');
      void this.options.auth.renew().then((renewed) => {
        if (this.stopped) return;
        if (renewed) this.scheduleReconnect(this.backoff.next());
        else this.setStatus('signed-out');
      });
      return;
    }
    this.setStatus('offline');
    if (code === CLOSE_DEAD && !byServer) return; // waits for wake()
    // A server restarting asks everyone back: soon, but spread over a second.
    const delay = code === CLOSE_RESTART ? Math.round(this.random() * 1000) : this.backoff.next();
    this.scheduleReconnect(delay);
  }

  private scheduleReconnect(delay: number): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => void this.open(), delay);
  }

  private detach(): void {
    if (this.ws) {
      this.ws.onopen = this.ws.onmessage = this.ws.onclose = this.ws.onerror = null;
    }
    this.ws = null;
    this.resyncing.clear();
    this.sentAt.clear();
  }

  private clearTimers(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.tickTimer) clearInterval(this.tickTimer);
    this.reconnectTimer = this.tickTimer = null;
  }

  /** Every tick: a ping (clock sample and liveness), a dead socket closed, old unanswered commands resent. */
  private tick(): void {
    if (!this.ws || this.status !== 'online') return;
    if (this.now() - this.lastHeard > 2.5 * this.pingEveryMs()) {
      this.ws.close(CLOSE_DEAD, 'no answer');
      this.onClosed(CLOSE_DEAD, true);
      return;
    }
    this.ping();
    for (const command of this.queue.all) {
      if (this.now() - (this.sentAt.get(command.commandId) ?? 0) >= RESEND_AFTER_MS) this.sendCommand(command);
    }
  }

  private pingEveryMs(): number {
    return Math.min(this.heartbeatMs, 10_000);
  }

  private ping(): void {
    this.send({ type: 'ping', clientTime: this.now() });
  }

  /** Several samples right after connecting: the quickest round trip among them sets the clock well from the start. */
  private pingBurst(): void {
    const ws = this.ws;
    this.ping();
    for (let i = 1; i < CLOCK_BURST; i++) {
      setTimeout(() => this.ws === ws && this.status === 'online' && this.ping(), i * CLOCK_BURST_GAP_MS);
    }
  }

  // ------------------------------------------------------------------ incoming

  private onMessage(text: string): void {
    this.lastHeard = this.now();
    let message: ServerMessage;
    try {
      message = JSON.parse(text) as ServerMessage;
    } catch {
      return;
    }
    switch (message.type) {
      case 'welcome':
        this.role = message.role;
        this.heartbeatMs = message.heartbeatMs;
        this.clock.roughly(message.serverTime);
        this.backoff.reset();
        this.setStatus('online');
        this.pingBurst();
        this.tickTimer = setInterval(() => this.tick(), this.pingEveryMs());
        this.followed.forEach((id) => this.subscribe(id));
        if (this.options.display) this.send({ type: 'subscribe-display' });
        else if (this.options.own) this.send({ type: 'subscribe-own' });
        this.queue.all.forEach((c) => this.sendCommand(c));
        break;
      case 'snapshot':
        this.onSnapshot(message.sessionId, message.seq, message.state);
        break;
      case 'subscribed':
        this.resyncing.delete(message.sessionId);
        break;
      case 'event':
        this.onEvent(message);
        break;
      case 'presence': {
        const view = this.sessions.get(message.sessionId);
        if (view) this.sessions.set(message.sessionId, { ...view, state: { ...view.state, presence: message.devices } });
        break;
      }
      case 'pong':
        this.clock.pong(message.clientTime, message.serverTime);
        break;
      case 'ack':
        this.queue.settle(message.commandId);
        break;
      case 'rejected':
        this.onCommandRejected(message.commandId, message.code, message.message, message.errors);
        break;
      case 'error':
        this.onError(message.code, message.message, message.sessionId);
        break;
      case 'reconnect':
        // The close (1012) follows; onClosed reconnects.
        break;
    }
    this.emit();
  }

  private onSnapshot(sessionId: string, seq: number, state: LiveState): void {
    const known = this.sessions.get(sessionId);
    if (this.followsAsStarted) this.followed.add(sessionId);
    if (!this.followed.has(sessionId)) return;
    this.resyncing.delete(sessionId);
    // A snapshot older than what we already applied (a catch-up overtook it) changes nothing.
    if (!known || seq >= known.seq) this.sessions.set(sessionId, { sessionId, seq, state });
  }

  private onEvent(event: LiveEvent): void {
    const view = this.sessions.get(event.sessionId);
    if (!view || event.seq <= view.seq) return;
    if (event.seq > view.seq + 1) {
      if (!this.resyncing.has(event.sessionId)) {
        this.resyncing.add(event.sessionId);
        this.send({ type: 'subscribe', sessionId: event.sessionId, afterSeq: view.seq });
      }
      return;
    }
    this.sessions.set(event.sessionId, { sessionId: event.sessionId, seq: event.seq, state: reduce(view.state, event) });
    this.eventListeners.forEach((l) => l(event));
    if (event.name === 'session-ended' && this.followsAsStarted) this.followed.delete(event.sessionId);
  }

  /** Sessions arrive by themselves (as snapshots) and are let go at their end: the server does the same. */
  private get followsAsStarted(): boolean {
    return Boolean(this.options.display || this.options.own);
  }

  private onCommandRejected(commandId: string | null, code: string, message: string, errors?: FieldError[]): void {
    const command = commandId ? this.queue.all.find((c) => c.commandId === commandId) ?? null : null;
    if (command && RETRYABLE.includes(code)) {
      // Not remembered by the server: the same id may be sent again, after a pause.
      setTimeout(() => {
        if (this.status === 'online' && this.queue.all.includes(command)) this.sendCommand(command);
      }, RETRY_AFTER_MS + this.random() * RETRY_AFTER_MS);
      return;
    }
    if (command) this.queue.settle(command.commandId);
    this.reject({ command, code, message, ...(errors ? { errors } : {}) });
  }

  private onError(code: string, message: string | undefined, sessionId: string | undefined): void {
    if (sessionId && (code === 'not-found' || code === 'unavailable' || code === 'rate-limited')) {
      if (code === 'not-found') {
        // Not ours, or (for a display) no longer live: stop following; its queued commands cannot succeed.
        this.followed.delete(sessionId);
        this.sessions.delete(sessionId);
        this.queue.dropSession(sessionId).forEach((command) =>
          this.reject({ command, code, message: message ?? 'This session is not available.' }),
        );
      } else {
        setTimeout(() => this.status === 'online' && this.followed.has(sessionId) && this.subscribe(sessionId), RETRY_AFTER_MS);
      }
      return;
    }
    if (code !== 'unauthorized') this.reject({ command: null, code, message: message ?? code });
  }

  // ------------------------------------------------------------------ outgoing

  private subscribe(sessionId: string): void {
    const known = this.sessions.get(sessionId);
    this.send(known ? { type: 'subscribe', sessionId, afterSeq: known.seq } : { type: 'subscribe', sessionId });
  }

  private sendCommand(command: PendingCommand): void {
    this.sentAt.set(command.commandId, this.now());
    const { queuedAt: _queuedAt, ...message } = command;
    this.send(message);
  }

  private send(message: ClientMessage): void {
    if (this.ws && this.ws.readyState === OPEN) this.ws.send(JSON.stringify(message));
  }

  private reject(rejection: Rejection): void {
    this.rejectionListeners.forEach((l) => l(rejection));
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status !== status) {
      this.status = status;
      this.emit();
    }
  }

  private emit(): void {
    this.listeners.forEach((l) => l());
  }
}
