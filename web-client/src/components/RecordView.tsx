import type { ComponentChildren } from 'preact';
import { formatDate, formatDateTime, plural } from '../lib/format';
import { setText, targetText } from '../lib/liveView';
import type { SessionRecord } from '../lib/protocol';

/**
 * One past session: date, status, and every exercise with its sets (collapsed until opened).
 * `summary` adds to the line shown when collapsed; `children` go inside, after the exercises.
 */
export function RecordView({ record, summary, children }: { record: SessionRecord; summary?: ComponentChildren; children?: ComponentChildren }) {
  const when = record.startTime ? formatDateTime(record.startTime) : formatDate(record.sessionDate);
  const sets = record.exercises.reduce((n, e) => n + e.sets.length, 0);
  return (
    <details class="card record" data-testid="record">
      <summary>
        <strong>{when}</strong> <span class="badge">{record.status}</span>{' '}
        <span class="muted">{plural(record.exercises.length, 'exercise')} · {plural(sets, 'set')}</span>
        {summary}
      </summary>
      <ol class="stack">
        {record.exercises.map((e) => (
          <li key={e.id}>
            <strong>{e.exerciseName}</strong>{' '}
            <span class="muted small">{e.skipped ? `skipped${e.skipReason ? `: ${e.skipReason}` : ''}` : targetText(e)}</span>
            {e.sets.length > 0 && (
              <ul class="small">
                {e.sets.map((s) => <li key={s.id}>{s.kind === 'warmup' ? 'Warm-up' : `Set ${s.number}`}: {setText(s)}</li>)}
              </ul>
            )}
            {e.notes && <p class="small"><span class="muted">Notes:</span> {e.notes}</p>}
          </li>
        ))}
      </ol>
      {record.trainerNotes && <p class="small"><span class="muted">Notes:</span> {record.trainerNotes}</p>}
      {children}
    </details>
  );
}
