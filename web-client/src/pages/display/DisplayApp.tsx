import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { DisplaySession } from '../../lib/auth';
import { connectLive, type Live } from '../../lib/liveSignals';
import { Pairing } from './Pairing';
import { Wall } from './Wall';

const session = new DisplaySession(localStorage);
const paired = signal(session.signedIn);
session.onSignedOut(() => (paired.value = false));
let live: Live | null = null;

/**
 * The wall display: paired once (the token is kept, so a rebooted display comes back by itself), then
 * a tile for each live session of the trainer. Unpaired by the trainer → it shows a new code.
 */
export function DisplayApp() {
  useEffect(keepAwake, []);
  if (!paired.value) {
    return <Pairing onPaired={(token, display) => { session.paired(token, display); paired.value = true; }} />;
  }
  live ??= connectLive({ device: 'wall-display', auth: session, display: true, queueKey: 'spotter.pending.display' });
  return <PairedWall live={live} />;
}

function PairedWall({ live: connection }: { live: Live }) {
  const status = connection.status.value;
  useEffect(() => {
    if (status !== 'signed-out') return;
    // The trainer unpaired this display: forget the token and show a new code.
    connection.socket.stop();
    live = null;
    session.signOut();
  }, [status]);
  return <Wall live={connection} name={session.display?.name ?? ''} />;
}

/** Keeps the screen on where the browser offers the Wake Lock API; the lock is re-taken when the page is shown again. */
function keepAwake(): () => void {
  const wakeLock = (navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<unknown> } }).wakeLock;
  if (!wakeLock) return () => undefined;
  const take = () => void wakeLock.request('screen').catch(() => undefined);
  const onVisible = () => document.visibilityState === 'visible' && take();
  take();
  document.addEventListener('visibilitychange', onVisible);
  return () => document.removeEventListener('visibilitychange', onVisible);
}
