import { useState } from 'preact/hooks';
import { ProblemBanner } from '../../components/ProblemBanner';
import { ApiError } from '../../lib/rest';
import { me, session, signedIn } from './state';

/** Sign in, or create the trainer account the first time. */
export function LoginPage() {
  const [mode, setMode] = useState<'login' | 'register'>('login');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const email = String(form.get('email'));
    const password = String(form.get('password'));
    setBusy(true);
    setProblem(null);
    try {
      if (mode === 'login') await session.login(email, password);
      else await session.register({ email, password, name: String(form.get('name')) });
      // The sign-in's copy of the account: the unit is right from the first screen, before GET /me answers.
      me.value = session.trainer;
      signedIn.value = true;
    } catch (error) {
      setProblem(error instanceof ApiError ? error.full : 'Something went wrong. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="centered">
      <form class="card stack narrow" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">{mode === 'login' ? 'Sign in to Spotter' : 'Create your trainer account'}</h1>
        <ProblemBanner message={problem} />
        {mode === 'register' && (
          <label>
            Your name
            <input name="name" required autoComplete="name" maxLength={200} />
          </label>
        )}
        <label>
          Email
          <input name="email" type="email" required autoComplete="email" />
        </label>
        <label>
          Password
          <input name="password" type="password" required minLength={mode === 'register' ? 8 : 1} autoComplete={mode === 'login' ? 'current-password' : 'new-password'} />
        </label>
        <button type="submit" class="primary" disabled={busy}>
          {mode === 'login' ? 'Sign in' : 'Create account'}
        </button>
        <button type="button" class="ghost" onClick={() => setMode(mode === 'login' ? 'register' : 'login')}>
          {mode === 'login' ? 'New here? Create an account' : 'I have an account: sign in'}
        </button>
      </form>
    </main>
  );
}
