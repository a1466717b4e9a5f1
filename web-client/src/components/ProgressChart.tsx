import { dayNumber } from '../lib/chart';
import { formatDate, formatNumber, plural } from '../lib/format';
import { bestE1rm, setText, type ExerciseProgress } from '../lib/progress';
import { LineChart, trendLabel, type Series } from './LineChart';

/**
 * One exercise's progress: e1RM and the best set's weight per session as two lines (in the
 * trainer's unit), the best e1RM in words, and every number in a table for whoever cannot read the
 * chart. `compact` is the phone's: the e1RM line only.
 */
export function ProgressChart({ name, progress, compact = false }: { name: string; progress: ExerciseProgress; compact?: boolean }) {
  const { points, unit } = progress;
  if (points.length === 0) return <p class="muted">No working sets of {name} yet.</p>;
  const e1rm = points.flatMap((p) => (p.e1rm == null ? [] : [{ x: dayNumber(p.date), y: p.e1rm }]));
  const weight = points.flatMap((p) => (p.bestSet.weight == null ? [] : [{ x: dayNumber(p.date), y: p.bestSet.weight }]));
  const series: Series[] = [{ name: 'e1RM', points: e1rm, color: 'var(--accent)' }];
  if (!compact) series.push({ name: 'Best set weight', points: weight, color: 'var(--info)', dashed: true });
  const best = bestE1rm(points);
  const label = `${name}, ${plural(points.length, 'session')} from ${formatDate(points[0]!.date)} to ${formatDate(points[points.length - 1]!.date)}: `
    + series.map((s) => trendLabel(s.name, s.points, unit)).join('; ');
  return (
    <div class="stack progress-chart" data-testid="progress-chart">
      {best && (
        <p class="progress-best">
          Best e1RM <strong data-testid="best-e1rm">{formatNumber(best.e1rm)} {unit}</strong>
          <span class="muted"> on {formatDate(best.date)} · {plural(points.length, 'session')}</span>
        </p>
      )}
      {series.some((s) => s.points.length > 0) && <LineChart series={series} label={label} unit={unit} compact={compact} />}
      <details>
        <summary>Numbers per session</summary>
        <table>
          <caption class="sr-only">{name} per session, newest first, in {unit}</caption>
          <thead><tr><th scope="col">Date</th><th scope="col">e1RM</th><th scope="col">Best set</th><th scope="col">Volume</th></tr></thead>
          <tbody>
            {[...points].reverse().map((p) => (
              <tr key={p.sessionRecordId}>
                <td>{formatDate(p.date)}</td>
                <td>{p.e1rm == null ? '—' : `${formatNumber(p.e1rm)} ${unit}`}</td>
                <td>{setText(p.bestSet)}</td>
                <td>{formatNumber(p.volume)} {unit}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
