import type { ComponentChildren } from 'preact';
import { formatDuration, formatNumber, plural } from '../lib/format';
import type { SessionSummary as Summary } from '../lib/protocol';
import type { Rest } from '../lib/rest';
import { useFocusWhenLost } from './focus';
import { ProblemBanner } from './ProblemBanner';
import { RecordList } from './RecordFlash';
import { useLoad } from './useLoad';

/**
 * The numbers a session ended with, as the server counts them (working sets only, weights in the
 * trainer's unit), so the tablet and the phone show the same. `children` are the ways on.
 */
export function SessionSummary({ api, recordId, heading, children }: {
  api: Rest;
  recordId: string;
  heading: string;
  children?: ComponentChildren;
}) {
  const title = useFocusWhenLost<HTMLHeadingElement>();
  const { data, error, reload } = useLoad(() => api.get<Summary>(`/session-records/${recordId}/summary`), [recordId]);
  return (
    <section class="card stack session-summary" data-testid="session-summary" aria-label="Session summary">
      <h1 ref={title} tabIndex={-1}>{heading}</h1>
      <ProblemBanner message={error} />
      {error && <button type="button" class="ghost" onClick={reload}>Try again</button>}
      {data ? <Numbers summary={data} /> : !error && <p class="muted">Adding it up…</p>}
      {children && <div class="row">{children}</div>}
    </section>
  );
}

function Numbers({ summary }: { summary: Summary }) {
  const stats: [string, string, string][] = [
    ['duration', 'Duration', summary.durationSeconds == null ? '—' : formatDuration(summary.durationSeconds)],
    ['exercises', 'Exercises', formatNumber(summary.exercises)],
    ['working-sets', 'Working sets', formatNumber(summary.workingSets)],
    ['volume', 'Volume', `${formatNumber(summary.volume)} ${summary.unit}`],
    ['average-rpe', 'Average RPE', summary.averageRpe == null ? '—' : formatNumber(summary.averageRpe)],
  ];
  return (
    <>
      <dl class="summary-stats">
        {stats.map(([id, label, value]) => (
          <div key={id}>
            <dt class="small muted">{label}</dt>
            <dd class="num" data-testid={`summary-${id}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <RecordList records={summary.records} heading="Records" />
      {summary.bestSets.length > 0 && (
        <div>
          <h2 class="small muted">Best sets</h2>
          <ul class="best-sets" data-testid="summary-best-sets">
            {summary.bestSets.map((b) => (
              <li key={b.exerciseRecordId} class="row between">
                <strong>{b.exerciseName}</strong>
                <span class="num">
                  {b.weight != null ? `${b.reps ?? '—'} × ${formatNumber(b.weight)} ${b.unit}` : plural(b.reps ?? 0, 'rep')}
                  {b.rpe != null ? ` @ ${formatNumber(b.rpe)}` : ''}
                  {b.e1rm != null ? ` · e1RM ${formatNumber(b.e1rm)} ${b.unit}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
