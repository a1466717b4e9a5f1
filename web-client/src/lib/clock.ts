/**
 * The server's clock as seen from here. Each ping/pong gives one estimate of the offset
 * (server − local); the one with the shortest round trip is the least distorted by network delay,
 * so that one wins among the recent samples. Every countdown reads `serverNow()`, which is what
 * makes the tablet, the phone and the wall show the same second.
 */
export class ServerClock {
  private samples: { offset: number; rtt: number }[] = [];
  private rough = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly keep = 8,
  ) {}

  /** A rough first estimate (the welcome's serverTime), replaced by the first pong. */
  roughly(serverTime: number): void {
    this.rough = serverTime - this.now();
  }

  /** The server stamped `serverTime` about half-way between our `clientTime` and now. */
  pong(clientTime: number, serverTime: number): void {
    const rtt = Math.max(0, this.now() - clientTime);
    this.samples = [...this.samples, { offset: serverTime - (clientTime + rtt / 2), rtt }].slice(-this.keep);
  }

  get offset(): number {
    if (this.samples.length === 0) return this.rough;
    return this.samples.reduce((best, s) => (s.rtt < best.rtt ? s : best)).offset;
  }

  serverNow(): number {
    return this.now() + this.offset;
  }
}

/**
 * Milliseconds left on a timer at server time `serverNow` (a paused timer keeps what it had). Never
 * more than the timer's whole span, even when this device's clock estimate is still a little behind.
 */
export function remainingMs(
  timer: { running: boolean; startedAt?: number; endsAt: number | null; pausedRemainingMs: number | null } | null,
  serverNow: number,
): number {
  if (!timer) return 0;
  if (!timer.running) return Math.max(0, timer.pausedRemainingMs ?? 0);
  const endsAt = timer.endsAt ?? serverNow;
  const left = endsAt - serverNow;
  return Math.max(0, timer.startedAt != null ? Math.min(left, endsAt - timer.startedAt) : left);
}

/** Whole seconds shown for `ms` left: 0.2 s left still shows 1, so "0" means done on every screen alike. */
export function shownSeconds(ms: number): number {
  return Math.ceil(ms / 1000);
}

export function formatClock(seconds: number): string {
  const s = Math.max(0, seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
