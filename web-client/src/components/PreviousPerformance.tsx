import { formatDate, formatNumber } from '../lib/format';
import { setText } from '../lib/liveView';
import type { BestSet, ExerciseRecord } from '../lib/protocol';

/**
 * What the trainee did last time in this exercise and their best set, from the live snapshot, so the
 * trainer can pick today's load before the first set. `compact` is the phone's one-glance version:
 * working sets only, on two short lines.
 */
export function PreviousPerformance({ exercise, compact = false }: { exercise: ExerciseRecord; compact?: boolean }) {
  const { previous, best } = exercise;
  // Unknown (an exercise added during the session: its past comes with the next snapshot) says nothing.
  if (previous === undefined && best === undefined) return null;
  if (!previous && !best) {
    return compact ? null : (
      <p class="small muted" data-testid="previous-performance">First time: no earlier session with this exercise.</p>
    );
  }
  const sets = previous?.sets.filter((s) => !compact || s.kind !== 'warmup') ?? [];
  if (compact) {
    return (
      <div class="previous compact small" data-testid="previous-performance">
        {previous && (
          <div>
            <span class="muted">Last time</span> {sets.map((s) => setText({ ...s, rpe: null })).join(', ') || '—'}
          </div>
        )}
        {best && <div><span class="muted">Best</span> {bestText(best)}</div>}
      </div>
    );
  }
  return (
    <aside class="previous stack" aria-label="Previous performance" data-testid="previous-performance">
      {previous && (
        <div>
          <h3 class="small muted">Last time · {formatDate(previous.date)}</h3>
          <ol class="previous-sets">
            {sets.map((s) => (
              <li key={s.id} class={s.kind === 'warmup' ? 'muted' : undefined}>
                {setText(s)}
                {s.kind && s.kind !== 'working' ? ` (${s.kind === 'warmup' ? 'warm-up' : s.kind})` : ''}
              </li>
            ))}
          </ol>
        </div>
      )}
      {best && (
        <p>
          <span class="small muted">Best</span> <strong data-testid="best-set">{bestText(best)}</strong>{' '}
          <span class="small muted nowrap">{formatDate(best.date)}</span>
        </p>
      )}
    </aside>
  );
}

/** "1 × 130 kg · e1RM 130 kg" */
function bestText(best: BestSet): string {
  const set = best.weight != null ? `${best.reps ?? '—'} × ${formatNumber(best.weight)} ${best.unit}` : `${best.reps ?? '—'} reps`;
  return best.e1rm != null ? `${set} · e1RM ${formatNumber(best.e1rm)} ${best.unit}` : set;
}
