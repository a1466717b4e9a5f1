import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { ProblemBanner } from '../../components/ProblemBanner';
import { TraineeSession, accessLinkToken } from '../../lib/auth';
import { connectLive, type Live } from '../../lib/liveSignals';
import { Rest } from '../../lib/rest';
import { describe } from '../../components/useLoad';
import { TraineeHome } from './TraineeHome';

const session = new TraineeSession(localStorage);
const api = new Rest(session);
const signedIn = signal(session.signedIn);
const opening = signal(false);
const problem = signal<string | null>(null);

let live: Live | null = null;
const liveConnection = () =>
  (live ??= connectLive({ device: 'trainee-phone', auth: session, own: true, queueKey: 'spotter.pending.trainee' }));
/** The connection belongs to whoever signed in with it: a revoked or replaced link takes it down. */
function dropConnection(): void {
  live?.close();
  live = null;
}

// The server refused the link's tokens (4401, then /trainee-access said no): the trainer turned it off.
session.onSignedOut(() => {
  dropConnection();
  signedIn.value = false;
  problem.value = 'This link was turned off by your trainer, or it expired. Ask for a new one and open it here.';
});

/** Signs in with an access link's token, in place of whoever was signed in on this tab. */
async function openLink(token: string): Promise<void> {
  opening.value = true;
  try {
    await session.openLink(token);
    dropConnection();
    problem.value = null;
    signedIn.value = true;
  } catch (error) {
    problem.value = `This link does not work (${describe(error)}). Ask your trainer for a new one.`;
  } finally {
    opening.value = false;
  }
}

/** The access link opens this page with `#token=…` (also when only the hash changes, in this tab). */
function openLinkFromAddress(): void {
  const token = accessLinkToken(location.hash);
  if (!token) return;
  history.replaceState(null, '', location.pathname); // the token is not left in the address bar or history
  void openLink(token);
}

export function TraineeApp() {
  useEffect(() => {
    openLinkFromAddress();
    addEventListener('hashchange', openLinkFromAddress);
    return () => removeEventListener('hashchange', openLinkFromAddress);
  }, []);
  if (opening.value) return <main class="phone centered"><p>Signing you in…</p></main>;
  if (!signedIn.value) {
    return (
      <main class="phone centered">
        <div class="stack narrow">
          <h1>Spotter</h1>
          <ProblemBanner message={problem.value} />
          <p>Open the link your trainer sent you (or scan their QR code) to see your session here.</p>
          <LinkForm />
        </div>
      </main>
    );
  }
  return <TraineeHome live={liveConnection()} api={api} name={session.trainee?.name ?? ''} traineeId={session.trainee?.id ?? ''} />;
}

/** For a link that arrives as text (a message, an email): paste it here instead of opening it. */
function LinkForm() {
  function submit(e: Event) {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem('link') as HTMLInputElement;
    const token = accessLinkToken(input.value);
    if (token) void openLink(token);
    else problem.value = 'That is not a Spotter link: paste the whole link your trainer sent.';
  }
  return (
    <form class="stack" onSubmit={submit} aria-label="Open a link">
      <label>Or paste the link here
        <input name="link" required autoComplete="off" inputMode="url" placeholder="https://…/trainee/#token=…" />
      </label>
      <button type="submit" class="primary">Open link</button>
    </form>
  );
}
