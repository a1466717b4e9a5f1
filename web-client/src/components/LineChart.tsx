import { formatNumber } from '../lib/format';

const W = 600;
const H = 160;
const PAD = 28;

/**
 * A small trend line in SVG. Written here rather than with uPlot: one series of a few dozen points
 * needs forty lines, not a charting library in the bundle.
 */
export function LineChart({ points, label, unit }: { points: { x: number; y: number }[]; label: string; unit: string }) {
  const sorted = [...points].sort((a, b) => a.x - b.x);
  const xs = sorted.map((p) => p.x);
  const ys = sorted.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const sx = (x: number) => PAD + ((x - x0) / (x1 - x0 || 1)) * (W - 2 * PAD);
  const sy = (y: number) => H - PAD - ((y - y0) / (y1 - y0 || 1)) * (H - 2 * PAD);
  const path = sorted.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${label}: from ${formatNumber(first.y)} to ${formatNumber(last.y)} ${unit}`}>
        <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} stroke="var(--line)" />
        <path d={path} fill="none" stroke="var(--accent)" stroke-width="3" stroke-linejoin="round" />
        {sorted.map((p) => <circle key={p.x} cx={sx(p.x)} cy={sy(p.y)} r="4" fill="var(--accent)" />)}
        <text x={PAD} y={sy(y1) - 8} fill="var(--muted)" font-size="13">{formatNumber(y1)} {unit}</text>
        <text x={PAD} y={H - 8} fill="var(--muted)" font-size="13">{formatNumber(y0)} {unit}</text>
      </svg>
      <figcaption class="small muted">{label}</figcaption>
    </figure>
  );
}
