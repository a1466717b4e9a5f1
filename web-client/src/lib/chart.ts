/** The arithmetic of the hand-drawn SVG charts: scales, axis ticks, heat levels. Pure, so tests run it. */

/** Maps `domain` linearly onto `range`; a domain of one value maps to the middle of the range. */
export function linearScale([d0, d1]: [number, number], [r0, r1]: [number, number]): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/**
 * About `count` round axis values (steps of 1, 2 or 5 × 10ⁿ) that cover `min`..`max`, lowest first:
 * 97.3..131.4 → 90, 100, 110, 120, 130, 140. One value gets a step either side.
 */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max === min) {
    const step = niceStep(Math.abs(min) / 10 || 1);
    return [min - step, min, min + step].map((v) => round(v, step));
  }
  const step = niceStep((max - min) / count);
  const ticks: number[] = [];
  for (let v = Math.floor(min / step) * step; v < max + step / 2; v += step) ticks.push(round(v, step));
  if (ticks[ticks.length - 1]! < max) ticks.push(round(ticks[ticks.length - 1]! + step, step));
  return ticks;
}

function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/** Rids a tick of floating-point dust (0.30000000000000004 → 0.3) at the step's precision. */
function round(v: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number(v.toFixed(decimals));
}

/** A calendar day ("2026-12-06") as a number that keeps days evenly spaced on a time axis, whatever the time zone. */
export function dayNumber(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;
}

/** 0 for nothing, else 1..`levels` by the share of `max`: how dark a heat-map cell is. */
export function heatLevel(value: number, max: number, levels = 4): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(levels, Math.ceil((value / max) * levels)));
}
