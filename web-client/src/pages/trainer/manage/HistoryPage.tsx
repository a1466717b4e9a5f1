import { useState } from 'preact/hooks';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ProblemBanner } from '../../../components/ProblemBanner';
import { RecordView } from '../../../components/RecordView';
import { describe, useLoad } from '../../../components/useLoad';
import { formatDate, formatDuration, formatNumber, plural } from '../../../lib/format';
import type { SessionRecord } from '../../../lib/protocol';
import { api, go } from '../state';
import { RecordEditor } from './RecordEditor';
import type { Page, RecordStats, Trainee } from './types';

type ListedRecord = SessionRecord & { stats: RecordStats };

/** Past sessions, newest first, of one trainee or all, optionally only those with an exercise: read, edit, delete. */
export function HistoryPage({ params }: { params: URLSearchParams }) {
  const traineeId = params.get('traineeId') ?? '';
  const exercise = params.get('exercise') ?? '';
  const [editing, setEditing] = useState<string | null>(null);
  const trainees = useLoad(() => api.get<Page<Trainee>>('/trainees?limit=200'), []);
  const records = useLoad(() => {
    const query = new URLSearchParams({ limit: '50' });
    if (traineeId) query.set('traineeId', traineeId);
    if (exercise) query.set('exercise', exercise);
    return api.get<Page<ListedRecord>>(`/session-records?${query}`);
  }, [traineeId, exercise]);
  const nameOf = (id: string) => trainees.data?.items.find((t) => t.id === id)?.name;

  function filter(next: { traineeId?: string; exercise?: string }) {
    const query = new URLSearchParams();
    const t = next.traineeId ?? traineeId;
    const x = (next.exercise ?? exercise).trim();
    if (t) query.set('traineeId', t);
    if (x) query.set('exercise', x);
    go(`history?${query}`);
  }

  async function remove(record: ListedRecord) {
    try {
      await api.delete(`/session-records/${record.id}`);
      records.reload();
    } catch (error) {
      records.setError(describe(error));
    }
  }

  return (
    <section class="stack" aria-labelledby="history-title">
      <h1 id="history-title">History</h1>
      <ProblemBanner message={trainees.error ?? records.error} onClose={() => records.setError(null)} />
      <div class="grid-2">
        <label>
          Trainee
          <select value={traineeId} onChange={(e) => filter({ traineeId: e.currentTarget.value })}>
            <option value="">All trainees</option>
            {trainees.data?.items.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </label>
        <form role="search" onSubmit={(e) => {
          e.preventDefault();
          filter({ exercise: String(new FormData(e.currentTarget).get('exercise') ?? '') });
        }}>
          <label>
            Exercise
            <input key={exercise} name="exercise" type="search" defaultValue={exercise} maxLength={200} placeholder="e.g. Back squat, then Enter" />
          </label>
        </form>
      </div>
      {records.data?.items.map((r) =>
        editing === r.id ? (
          <RecordEditor key={r.id} record={r} onDone={(saved) => {
            setEditing(null);
            if (saved) records.reload();
          }} />
        ) : (
          <RecordView key={r.id} record={r} summary={<StatsLine record={r} trainee={traineeId ? undefined : nameOf(r.traineeId)} />}>
            <div class="row end">
              {r.status === 'live'
                ? <span class="muted small">Live now: it changes on the tablet.</span>
                : <button type="button" onClick={() => setEditing(r.id)}>Edit</button>}
              <ConfirmButton label="Delete" testId="delete-record" disabled={r.status === 'live'}
                question={`Delete the session of ${formatDate(r.sessionDate)} with its exercises and sets? This cannot be undone.`}
                confirm="Delete session" onConfirm={() => void remove(r)} />
            </div>
          </RecordView>
        ),
      )}
      {records.data?.items.length === 0 && <p class="muted">{exercise ? `No sessions with “${exercise}”.` : 'No sessions recorded yet.'}</p>}
    </section>
  );
}

/** Duration, volume, RPE and form of a listed record; a number the record lacks is left out. */
function StatsLine({ record, trainee }: { record: ListedRecord; trainee?: string }) {
  const s = record.stats;
  const parts = [
    trainee,
    s.durationSeconds != null ? formatDuration(s.durationSeconds) : null,
    s.workingSets > 0 ? `${plural(s.workingSets, 'working set')} · ${formatNumber(s.volume)} ${s.unit}` : null,
    s.averageRpe != null ? `RPE ${formatNumber(s.averageRpe)}` : null,
    s.formRating != null ? `form ${formatNumber(s.formRating)}/5` : null,
  ].filter(Boolean);
  return parts.length ? <span class="muted small stats" data-testid="record-stats">{parts.join(' · ')}</span> : null;
}
