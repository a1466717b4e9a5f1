import { useComputed } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { ProblemBanner } from '../../components/ProblemBanner';
import { RecordView } from '../../components/RecordView';
import { useLoad } from '../../components/useLoad';
import { WithSession } from '../../components/WithSession';
import { allViews, type Live } from '../../lib/liveSignals';
import { firstName } from '../../lib/names';
import type { SessionRecord } from '../../lib/protocol';
import type { Rest } from '../../lib/rest';
import { LiveSessionView } from './LiveSessionView';
import { MyProgress } from './MyProgress';
import { MyRecords } from './MyRecords';

/** The server pushes a new session over the socket (`subscribe-own`); this slow look is only a fallback. */
const WAITING_POLL_MS = 30_000;

/**
 * The phone's home: the live session when there is one; otherwise "waiting for your trainer", which
 * switches by itself the moment the trainer starts a session, and the recent sessions.
 */
export function TraineeHome({ live, api, name, traineeId }: { live: Live; api: Rest; name: string; traineeId: string }) {
  // A string and a boolean: this screen re-renders when the shown session or its being live changes.
  const shownId = useComputed(() => {
    const views = allViews(live);
    return (views.find((v) => v.state.record.status === 'live') ?? views[0])?.sessionId ?? null;
  });
  const waiting = useComputed(() => {
    const id = shownId.value;
    return id === null || live.session(id)?.value.state.record.status !== 'live';
  }).value;
  const shown = shownId.value;
  const [lookError, setLookError] = useState<string | null>(null);
  const recent = useLoad(() => api.get<{ items: SessionRecord[] }>('/session-records?limit=5&status=completed'), [waiting]);

  useEffect(() => {
    if (!waiting) return;
    const look = () =>
      api.get<{ items: SessionRecord[] }>('/live-sessions').then(
        (r) => {
          setLookError(null);
          r.items.forEach((s) => live.socket.follow(s.id));
        },
        () => setLookError('Cannot reach the server right now; still trying.'),
      );
    void look();
    const timer = setInterval(look, WAITING_POLL_MS);
    return () => clearInterval(timer);
  }, [waiting]);

  return (
    <main class="phone">
      <header class="row between phone-head">
        <strong>Hi {firstName(name)}</strong>
        <ConnectionBadge status={live.status.value} pending={live.pending.value} />
      </header>
      <ProblemBanner message={live.problem.value?.message} onClose={() => (live.problem.value = null)} />
      {shown && <WithSession live={live} id={shown}>{(view) => <LiveSessionView live={live} view={view} api={api} />}</WithSession>}
      {waiting && (
        <section class="card waiting" aria-live="polite" data-testid="waiting">
          <h1>Waiting for your trainer</h1>
          <p class="muted">Your session appears here as soon as it starts.</p>
          {lookError && <p class="small muted">{lookError}</p>}
        </section>
      )}
      {waiting && <MyProgress api={api} traineeId={traineeId} />}
      {waiting && <MyRecords api={api} traineeId={traineeId} />}
      {waiting && recent.data && recent.data.items.length > 0 && (
        <section class="stack">
          <h2>Recent sessions</h2>
          {recent.data.items.map((r) => <RecordView key={r.id} record={r} />)}
        </section>
      )}
    </main>
  );
}
