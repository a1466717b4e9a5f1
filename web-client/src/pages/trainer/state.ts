import { computed, signal } from '@preact/signals';
import { TrainerSession, type Trainer } from '../../lib/auth';
import { connectLive, type Live } from '../../lib/liveSignals';
import { Rest } from '../../lib/rest';

/** The trainer tablet's shared state: who is signed in, the REST client, the live connection, the route. */
export const session = new TrainerSession(localStorage);
export const api = new Rest(session);
export const signedIn = signal(session.signedIn);
session.onSignedOut(() => (signedIn.value = false));

/** The trainer's account and settings as GET /me last answered (the sign-in's copy until then). */
export const me = signal<Trainer | null>(session.trainer);
/** The trainer's unit: shown on every screen, new sets are logged in it. */
export const unit = computed(() => me.value?.unit ?? 'kg');
/** The steppers' step for weights: the trainer's increment, else the unit's default. */
export const loadIncrement = computed(() => me.value?.loadIncrement ?? (unit.value === 'lb' ? 5 : 2.5));

export async function loadMe(): Promise<void> {
  me.value = await api.get<Trainer>('/me');
}

/** `loadIncrement: null` goes back to the unit's default. */
export async function saveMe(changes: { unit?: Trainer['unit']; loadIncrement?: number | null; timeZone?: string }): Promise<void> {
  me.value = await api.patch<Trainer>('/me', changes);
}

let live: Live | null = null;

/** One live connection for all the trainer's sessions, opened on first use. */
export function liveConnection(): Live {
  live ??= connectLive({ device: 'trainer-tablet', auth: session, queueKey: 'spotter.pending.trainer' });
  return live;
}

export interface Route {
  page: 'live' | 'trainees' | 'templates' | 'exercises' | 'programs' | 'history' | 'displays' | 'settings';
  id: string | null;
  params: URLSearchParams;
}

const PAGES: readonly Route['page'][] = ['live', 'trainees', 'templates', 'exercises', 'programs', 'history', 'displays', 'settings'];

/** `#/trainees/<id>?x=y` → {page, id, params}; anything else is the live page. */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [page, id] = path.split('/');
  const known = PAGES.find((p) => p === page);
  return { page: known ?? 'live', id: known && id ? decodeURIComponent(id) : null, params: new URLSearchParams(query) };
}

export const route = signal(parseRoute(location.hash));
addEventListener('hashchange', () => (route.value = parseRoute(location.hash)));

export function go(path: string): void {
  location.hash = `#/${path}`;
}
