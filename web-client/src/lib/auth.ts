import type { WeightUnit } from './protocol';
import type { KeyValueStore } from './commandQueue';
import { Rest, type RestAuth } from './rest';

/** Renew a little before expiry, so a request never leaves with a token about to lapse. */
const EARLY_MS = 60_000;

interface Stored<T> {
  accessToken: string;
  expiresAt: number;
  extra: T;
}

/**
 * A signed-in device's tokens, kept in storage so a reload stays signed in. Subclasses say how a
 * fresh access token is obtained; renewals are single-flight (a page's parallel 401s share one).
 */
abstract class TokenSession<T> implements RestAuth {
  private renewing: Promise<boolean> | null = null;
  private readonly signedOutListeners = new Set<() => void>();

  protected constructor(
    protected readonly store: KeyValueStore,
    protected readonly key: string,
    protected readonly now: () => number,
  ) {}

  protected read(): Stored<T> | null {
    try {
      const raw = this.store.getItem(this.key);
      return raw ? (JSON.parse(raw) as Stored<T>) : null;
    } catch {
      return null;
    }
  }

  protected write(accessToken: string, expiresInSeconds: number, extra: T): void {
    this.store.setItem(this.key, JSON.stringify({ accessToken, expiresAt: this.now() + expiresInSeconds * 1000, extra }));
  }

  get signedIn(): boolean {
    return this.read() !== null;
  }

  async token(): Promise<string | null> {
    const stored = this.read();
    if (!stored) return null;
    if (stored.expiresAt - EARLY_MS > this.now()) return stored.accessToken;
    // Renewal may fail for want of a network; the old token is still worth a try then.
    await this.renew();
    return this.read()?.accessToken ?? null;
  }

  renew(): Promise<boolean> {
    this.renewing ??= this.renewOnce().finally(() => (this.renewing = null));
    return this.renewing;
  }

  signOut(): void {
    this.store.removeItem(this.key);
    this.signedOutListeners.forEach((l) => l());
  }

  onSignedOut(listener: () => void): () => void {
    this.signedOutListeners.add(listener);
    return () => this.signedOutListeners.delete(listener);
  }

  private async renewOnce(): Promise<boolean> {
    const before = this.read();
    if (!before) return false;
    try {
      const renewed = await this.obtain(before);
      if (!renewed) this.signOut();
      return renewed;
    } catch {
      // Offline: keep the tokens, try again later.
      return false;
    }
  }

  /** Gets and writes a fresh access token; false when the server refuses for good. */
  protected abstract obtain(current: Stored<T>): Promise<boolean>;
}

export interface Trainer {
  id: string;
  email: string;
  name: string;
  /** The unit every screen shows and new sets are logged in. */
  unit: WeightUnit;
  /** The load increment in effect (the unit's default when the trainer chose none). */
  loadIncrement: number;
  timeZone: string;
  version: number;
}

interface AuthTokens {
  trainer: Trainer;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/**
 * The trainer's sign-in: a short-lived access token renewed silently with the refresh token. Refresh
 * tokens rotate and reusing an old one revokes the whole family, so tabs renew one at a time (Web
 * Locks where the browser has them) and a tab first checks whether another one already renewed.
 */
export class TrainerSession extends TokenSession<{ refreshToken: string; trainer: Trainer }> {
  private readonly rest: Rest;

  constructor(store: KeyValueStore, rest = new Rest(null), now: () => number = Date.now) {
    super(store, 'spotter.trainer', now);
    this.rest = rest;
  }

  get trainer(): Trainer | null {
    return this.read()?.extra.trainer ?? null;
  }

  async login(email: string, password: string): Promise<Trainer> {
    return this.keep(await this.rest.post<AuthTokens>('/auth/login', { email, password }));
  }

  async register(fields: { email: string; password: string; name: string; phone?: string }): Promise<Trainer> {
    return this.keep(await this.rest.post<AuthTokens>('/auth/register', fields));
  }

  async logout(): Promise<void> {
    const refreshToken = this.read()?.extra.refreshToken;
    this.signOut();
    if (refreshToken) await this.rest.post('/auth/logout', { refreshToken }).catch(() => undefined);
  }

  protected obtain(current: Stored<{ refreshToken: string; trainer: Trainer }>): Promise<boolean> {
    return withLock(this.key, async () => {
      const latest = this.read();
      if (!latest) return false;
      if (latest.extra.refreshToken !== current.extra.refreshToken) return true; // another tab renewed
      try {
        this.keep(await this.rest.post<AuthTokens>('/auth/refresh', { refreshToken: latest.extra.refreshToken }));
        return true;
      } catch (e) {
        if ((e as { status?: number }).status === 401) return false;
        throw e;
      }
    });
  }

  private keep(tokens: AuthTokens): Trainer {
    this.write(tokens.accessToken, tokens.expiresIn, { refreshToken: tokens.refreshToken, trainer: tokens.trainer });
    return tokens.trainer;
  }
}

export interface TraineeProfile {
  id: string;
  name: string;
}

/**
 * The token in what a trainee pastes or opens: an access link (`…/trainee/#token=…`) or the bare
 * token; null when it is neither.
 */
export function accessLinkToken(text: string): string | null {
  const value = text.trim();
  const hash = value.indexOf('#');
  if (hash >= 0) return new URLSearchParams(value.slice(hash + 1)).get('token') || null;
  return /^[\w.~-]{16,}$/.test(value) ? value : null;
}

/** The trainee's phone: the access link's token is kept and exchanged again whenever the short-lived token runs out. */
export class TraineeSession extends TokenSession<{ linkToken: string; trainee: TraineeProfile }> {
  constructor(
    store: KeyValueStore,
    private readonly rest = new Rest(null),
    now: () => number = Date.now,
  ) {
    super(store, 'spotter.trainee', now);
  }

  get trainee(): TraineeProfile | null {
    return this.read()?.extra.trainee ?? null;
  }

  async openLink(linkToken: string): Promise<TraineeProfile> {
    const reply = await this.rest.post<{ accessToken: string; trainee: TraineeProfile; expiresIn: number }>(
      '/trainee-access',
      { token: linkToken },
    );
    this.write(reply.accessToken, reply.expiresIn, { linkToken, trainee: reply.trainee });
    return reply.trainee;
  }

  protected async obtain(current: Stored<{ linkToken: string }>): Promise<boolean> {
    try {
      await this.openLink(current.extra.linkToken);
      return true;
    } catch (e) {
      const status = (e as { status?: number }).status;
      if (status === 401 || status === 404 || status === 410) return false;
      throw e;
    }
  }
}

export interface DisplayInfo {
  id: string;
  name: string;
  location: string | null;
}

/** A paired wall display: one long-lived token, nothing to renew it with (unpaired → pair again). */
export class DisplaySession extends TokenSession<{ display: DisplayInfo }> {
  constructor(store: KeyValueStore, now: () => number = Date.now) {
    super(store, 'spotter.display', now);
  }

  get display(): DisplayInfo | null {
    return this.read()?.extra.display ?? null;
  }

  paired(displayToken: string, display: DisplayInfo): void {
    // Display tokens do not expire on a schedule; revocation closes the socket (4401).
    this.write(displayToken, 10 * 365 * 24 * 3600, { display });
  }

  protected async obtain(): Promise<boolean> {
    return false;
  }
}

/** Runs `task` holding a lock shared by this origin's tabs, where the browser offers one. */
async function withLock<R>(name: string, task: () => Promise<R>): Promise<R> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? (locks.request(name, task) as Promise<R>) : task();
}
