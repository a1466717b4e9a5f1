import { useEffect } from 'preact/hooks';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { LoginPage } from './LoginPage';
import { LivePage } from './live/LivePage';
import { DisplaysPage } from './manage/DisplaysPage';
import { ExercisesPage } from './manage/ExercisesPage';
import { HistoryPage } from './manage/HistoryPage';
import { ProgramsPage } from './manage/ProgramsPage';
import { TemplatesPage } from './manage/TemplatesPage';
import { TraineesPage } from './manage/TraineesPage';
import { SettingsPage } from './SettingsPage';
import { liveConnection, loadMe, route, session, signedIn, unit, type Route } from './state';

const NAV: { page: Route['page']; label: string }[] = [
  { page: 'live', label: 'Live' },
  { page: 'trainees', label: 'Trainees' },
  { page: 'templates', label: 'Templates' },
  { page: 'exercises', label: 'Exercises' },
  { page: 'programs', label: 'Programs' },
  { page: 'history', label: 'History' },
  { page: 'displays', label: 'Displays' },
];

export function TrainerApp() {
  // Offline at start: the sign-in's copy of the settings serves until the next load.
  useEffect(() => void (signedIn.value ? loadMe().catch(() => undefined) : undefined), [signedIn.value]);
  if (!signedIn.value) return <LoginPage />;
  const live = liveConnection();
  const current = route.value;
  return (
    <div class="trainer">
      <header class="topbar">
        <nav aria-label="Sections">
          {NAV.map((n) => (
            <a key={n.page} href={`#/${n.page}`} class="btn ghost" aria-current={current.page === n.page ? 'page' : undefined}>
              {n.label}
            </a>
          ))}
        </nav>
        <span class="spacer" />
        <ConnectionBadge status={live.status.value} pending={live.pending.value} />
        <a href="#/settings" class="btn ghost unit-link" aria-current={current.page === 'settings' ? 'page' : undefined} data-testid="unit" aria-label={`Settings, weights in ${unit.value}`}>
          <span aria-hidden="true">⚙</span> {unit.value}
        </a>
        <span class="muted small trainer-name">{session.trainer?.name}</span>
        <button type="button" class="ghost" onClick={() => void session.logout().then(() => location.reload())}>
          Sign out
        </button>
      </header>
      <main class="page">
        {current.page === 'live' && <LivePage live={live} selected={current.id} />}
        {current.page === 'trainees' && <TraineesPage id={current.id} />}
        {current.page === 'templates' && <TemplatesPage id={current.id} />}
        {current.page === 'exercises' && <ExercisesPage />}
        {current.page === 'programs' && <ProgramsPage id={current.id} />}
        {current.page === 'history' && <HistoryPage params={current.params} />}
        {current.page === 'displays' && <DisplaysPage code={current.params.get('code')} />}
        {current.page === 'settings' && <SettingsPage />}
      </main>
    </div>
  );
}
