import { ProblemBanner } from '../../../components/ProblemBanner';
import { useLoad } from '../../../components/useLoad';
import type { SessionRecord } from '../../../lib/protocol';
import { RecordView } from '../../../components/RecordView';
import { api, go } from '../state';
import type { Page, Trainee } from './types';

/** A trainee's past sessions, newest first, each with its exercises and sets. */
export function HistoryPage({ params }: { params: URLSearchParams }) {
  const traineeId = params.get('traineeId') ?? '';
  const trainees = useLoad(() => api.get<Page<Trainee>>('/trainees?limit=200'), []);
  const records = useLoad(
    () => (traineeId ? api.get<Page<SessionRecord>>(`/session-records?traineeId=${traineeId}&limit=50`) : Promise.resolve(null)),
    [traineeId],
  );
  return (
    <section class="stack" aria-labelledby="history-title">
      <h1 id="history-title">History</h1>
      <ProblemBanner message={trainees.error ?? records.error} />
      <label>
        Trainee
        <select value={traineeId} onChange={(e) => go(`history?traineeId=${e.currentTarget.value}`)}>
          <option value="">Choose a trainee</option>
          {trainees.data?.items.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
      </label>
      {records.data?.items.map((r) => <RecordView key={r.id} record={r} />)}
      {records.data?.items.length === 0 && <p class="muted">No sessions recorded yet.</p>}
    </section>
  );
}
