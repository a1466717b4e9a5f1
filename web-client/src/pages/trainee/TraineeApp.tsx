import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { ProblemBanner } from '../../components/ProblemBanner';
import { TraineeSession } from '../../lib/auth';
import { connectLive, type Live } from '../../lib/liveSignals';
import { Rest } from '../../lib/rest';
import { describe } from '../../components/useLoad';
import { TraineeHome } from './TraineeHome';

const session = new TraineeSession(localStorage);
const api = new Rest(session);
const signedIn = signal(session.signedIn);
const opening = signal(false);
const problem = signal<string | null>(null);
session.onSignedOut(() => (signedIn.value = false));

let live: Live | null = null;
const liveConnection = () => (live ??= connectLive({ device: 'trainee-phone', auth: session, queueKey: 'spotter.pending.trainee' }));

/** The access link opens this page with `#token=…`: exchanged once, then the phone stays signed in. */
async function openLinkFromAddress(): Promise<void> {
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (!token) return;
  history.replaceState(null, '', location.pathname); // the token is not left in the address bar or history
  opening.value = true;
  try {
    await session.openLink(token);
    signedIn.value = true;
  } catch (error) {
    problem.value = `This link does not work any more (${describe(error)}). Ask your trainer for a new one.`;
  } finally {
    opening.value = false;
  }
}

export function TraineeApp() {
  useEffect(() => void openLinkFromAddress(), []);
  if (opening.value) return <main class="phone centered"><p>Signing you in…</p></main>;
  if (!signedIn.value) {
    return (
      <main class="phone centered">
        <div class="stack narrow">
          <h1>Spotter</h1>
          <ProblemBanner message={problem.value} />
          <p>Open the link your trainer sent you (or scan their QR code) to see your session here.</p>
        </div>
      </main>
    );
  }
  return <TraineeHome live={liveConnection()} api={api} name={session.trainee?.name ?? ''} />;
}
