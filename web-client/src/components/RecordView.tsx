import { setText, targetText } from '../lib/liveView';
import type { SessionRecord } from '../lib/protocol';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One past session: date, status, and every exercise with its sets (collapsed until opened). */
export function RecordView({ record }: { record: SessionRecord }) {
  const when = record.startTime ? new Date(record.startTime).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }) : record.sessionDate;
  const sets = record.exercises.reduce((n, e) => n + e.sets.length, 0);
  return (
    <details class="card record">
      <summary>
        <strong>{when}</strong> <span class="badge">{record.status}</span>{' '}
        <span class="muted">{plural(record.exercises.length, 'exercise')} · {plural(sets, 'set')}</span>
      </summary>
      <ol class="stack">
        {record.exercises.map((e) => (
          <li key={e.id}>
            <strong>{e.exerciseName}</strong>{' '}
            <span class="muted small">{e.skipped ? `skipped${e.skipReason ? `: ${e.skipReason}` : ''}` : targetText(e)}</span>
            {e.sets.length > 0 && (
              <ul class="small">
                {e.sets.map((s) => <li key={s.id}>Set {s.number}: {setText(s)}</li>)}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {record.trainerNotes && <p class="small"><span class="muted">Notes:</span> {record.trainerNotes}</p>}
    </details>
  );
}
