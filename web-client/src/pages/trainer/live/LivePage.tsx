import { useEffect, useMemo, useState } from 'preact/hooks';
import { Countdown } from '../../../components/Countdown';
import { ProblemBanner } from '../../../components/ProblemBanner';
import { WithSession } from '../../../components/WithSession';
import { allViews, startedFirst, type Live } from '../../../lib/liveSignals';
import { currentExercise, progressShort } from '../../../lib/liveView';
import { firstName } from '../../../lib/names';
import type { SessionRecord } from '../../../lib/protocol';
import { ApiError } from '../../../lib/rest';
import { computedIds } from '../../../lib/sessionSignals';
import type { SessionView } from '../../../lib/socket';
import { api, go } from '../state';
import { LiveControl } from './LiveControl';
import { SessionEnded } from './SessionEnded';
import { StartSession } from './StartSession';

const REFRESH_MS = 15_000;

/**
 * The trainer's live sessions, one tab each (two to four at once in semi-private training): every tab
 * shows its own timer running, one tap switches. "+ Start" opens a new one.
 */
export function LivePage({ live, selected }: { live: Live; selected: string | null }) {
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    // Now and then again: a session started on another device joins the tabs by itself.
    const look = () =>
      api
        .get<{ items: SessionRecord[] }>('/live-sessions')
        .then((r) => r.items.forEach((s) => live.socket.follow(s.id)))
        // Offline is already shown by the connection badge; other failures are worth words.
        .catch((e: unknown) => e instanceof ApiError && e.status === 0 ? undefined : setProblem(e instanceof ApiError ? e.full : String(e)));
    void look();
    const timer = setInterval(look, REFRESH_MS);
    return () => clearInterval(timer);
  }, [live]);

  const tabs = useMemo(() => computedIds(() => allViews(live).sort(startedFirst).map((v) => v.sessionId)), [live]);
  const ids = tabs.value;
  const starting = selected === 'new' || (ids.length === 0 && live.status.value === 'online');
  const shown = starting ? null : (ids.find((id) => id === selected) ?? ids[0] ?? null);
  const rejection = live.problem.value;

  return (
    <div class="live-page">
      <div class="tabs" role="tablist" aria-label="Live sessions" onKeyDown={moveBetweenTabs}>
        {ids.map((id) => (
          <WithSession key={id} live={live} id={id}>{(view) => <SessionTab view={view} live={live} active={id === shown} />}</WithSession>
        ))}
        {/* The one Tab stop of the list: the selected tab, else this one. */}
        <button type="button" role="tab" aria-selected={starting} tabIndex={starting || !shown ? 0 : -1} class="tab" onClick={() => go('live/new')}>
          + Start session
        </button>
      </div>
      <ProblemBanner message={problem} onClose={() => setProblem(null)} />
      <ProblemBanner message={rejection?.message} onClose={() => (live.problem.value = null)} />
      {starting && <StartSession live={live} />}
      {shown && (
        <WithSession key={shown} live={live} id={shown}>
          {(view) => view.state.record.status === 'live' ? <LiveControl live={live} view={view} /> : <SessionEnded live={live} view={view} />}
        </WithSession>
      )}
      {!starting && !shown && <p class="muted">Loading live sessions…</p>}
    </div>
  );
}

/** The tab pattern's keys: arrows (and Home, End) move to a tab and open it; Tab leaves the list. */
function moveBetweenTabs(e: KeyboardEvent) {
  const tabs = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('[role=tab]')];
  const at = tabs.indexOf(document.activeElement as HTMLElement);
  const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
  if (at < 0 || to === undefined) return;
  e.preventDefault();
  const tab = tabs[(to + tabs.length) % tabs.length]!;
  tab.focus();
  tab.click();
}

function SessionTab({ view, live, active }: { view: SessionView; live: Live; active: boolean }) {
  const exercise = currentExercise(view.state);
  const ended = view.state.record.status !== 'live';
  return (
    <button type="button" role="tab" aria-selected={active} tabIndex={active ? 0 : -1} class="tab" data-testid="session-tab" onClick={() => go(`live/${view.sessionId}`)}>
      <strong>{firstName(view.state.trainee.name)}</strong>
      <span class="small muted">
        {ended ? 'ended' : exercise ? `${exercise.exerciseName} ${progressShort(exercise)}` : 'no exercise'}
      </span>
      <Countdown timer={view.state.timer} serverNow={live.serverNow} />
    </button>
  );
}
