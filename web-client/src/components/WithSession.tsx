import type { ComponentChildren } from 'preact';
import type { Live } from '../lib/liveSignals';
import type { SessionView } from '../lib/socket';

/**
 * Renders one session from its own signal: only this part of the screen re-renders on that session's
 * events. Nothing once the session has left (its list updates in the same moment).
 */
export function WithSession({ live, id, children }: { live: Live; id: string; children: (view: SessionView) => ComponentChildren }) {
  const view = live.session(id)?.value;
  return view ? <>{children(view)}</> : null;
}
