import { dayNumber, linearScale, niceTicks } from '../lib/chart';
import { formatDate, formatNumber } from '../lib/format';

/** Drawing sizes: a wide chart for the trainee page, a narrower one whose labels stay legible on a phone. */
const SIZES = { wide: { w: 800, h: 220 }, compact: { w: 360, h: 170 } };
const LEFT = 52;
const RIGHT = 16;
const TOP = 12;
const BOTTOM = 28;

/** A line of points; `dashed` tells it apart without colour. */
export interface Series {
  name: string;
  points: { x: number; y: number }[];
  color: string;
  dashed?: boolean;
}

/**
 * Trend lines in SVG over dates (`x` in days, see `dayNumber`) with a shared y axis. Written here
 * rather than with uPlot: two series of a few dozen points need a hundred lines, not a charting
 * library in the bundle. The figure's label says what it shows in words; callers put the numbers
 * in a table beside it.
 */
export function LineChart({ series, label, unit, compact = false }: { series: Series[]; label: string; unit: string; compact?: boolean }) {
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return null;
  const xs = all.map((p) => p.x);
  const ticks = niceTicks(Math.min(...all.map((p) => p.y)), Math.max(...all.map((p) => p.y)), compact ? 3 : 4);
  const { w: width, h: height } = SIZES[compact ? 'compact' : 'wide'];
  const sx = linearScale([Math.min(...xs), Math.max(...xs)], [LEFT, width - RIGHT]);
  const sy = linearScale([ticks[0]!, ticks[ticks.length - 1]!], [height - BOTTOM, TOP]);
  const fromDay = (x: number) => formatDate(new Date(x * 86_400_000).toISOString().slice(0, 10));
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={LEFT} x2={width - RIGHT} y1={sy(t)} y2={sy(t)} stroke="var(--line)" />
            <text x={LEFT - 6} y={sy(t) + 4} text-anchor="end" fill="var(--muted)" font-size="13">{formatNumber(t)}</text>
          </g>
        ))}
        <text x={LEFT} y={height - 6} fill="var(--muted)" font-size="13">{fromDay(Math.min(...xs))}</text>
        <text x={width - RIGHT} y={height - 6} text-anchor="end" fill="var(--muted)" font-size="13">{fromDay(Math.max(...xs))}</text>
        {series.map((s) => {
          const sorted = [...s.points].sort((a, b) => a.x - b.x);
          const path = sorted.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
          return (
            <g key={s.name}>
              <path d={path} fill="none" stroke={s.color} stroke-width="3" stroke-linejoin="round"
                stroke-dasharray={s.dashed ? '8 6' : undefined} />
              {sorted.map((p, i) => <circle key={i} cx={sx(p.x)} cy={sy(p.y)} r="4" fill={s.color} />)}
            </g>
          );
        })}
      </svg>
      <figcaption class="small muted row">
        {series.map((s) => (
          <span key={s.name} class="legend">
            <svg width="28" height="10" aria-hidden="true">
              <line x1="0" x2="28" y1="5" y2="5" stroke={s.color} stroke-width="3" stroke-dasharray={s.dashed ? '6 4' : undefined} />
            </svg>
            {s.name}
          </span>
        ))}
        <span>in {unit}</span>
      </figcaption>
    </figure>
  );
}

/** "Body weight from 82.5 to 80 kg": a series' first and last value, for a chart's label. */
export function trendLabel(name: string, points: { x: number; y: number }[], unit: string): string {
  const sorted = [...points].sort((a, b) => a.x - b.x);
  if (sorted.length === 0) return `${name}: no values yet`;
  return `${name} from ${formatNumber(sorted[0]!.y)} to ${formatNumber(sorted[sorted.length - 1]!.y)} ${unit}`;
}

/** Values by calendar day as chart points `{x: day, y}`; days without a value are left out. */
export function byDay(values: { date: string; value: number | null }[]): { x: number; y: number }[] {
  return values.flatMap((v) => (v.value == null ? [] : [{ x: dayNumber(v.date), y: v.value }]));
}
