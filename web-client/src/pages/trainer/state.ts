import { signal } from '@preact/signals';
import { TrainerSession } from '../../lib/auth';
import { connectLive, type Live } from '../../lib/liveSignals';
import { Rest } from '../../lib/rest';

/** The trainer tablet's shared state: who is signed in, the REST client, the live connection, the route. */
export const session = new TrainerSession(localStorage);
export const api = new Rest(session);
export const signedIn = signal(session.signedIn);
session.onSignedOut(() => (signedIn.value = false));

let live: Live | null = null;

/** One live connection for all the trainer's sessions, opened on first use. */
export function liveConnection(): Live {
  live ??= connectLive({ device: 'trainer-tablet', auth: session, queueKey: 'spotter.pending.trainer' });
  return live;
}

export interface Route {
  page: 'live' | 'trainees' | 'templates' | 'exercises' | 'programs' | 'history' | 'displays';
  id: string | null;
  params: URLSearchParams;
}

const PAGES: readonly Route['page'][] = ['live', 'trainees', 'templates', 'exercises', 'programs', 'history', 'displays'];

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
