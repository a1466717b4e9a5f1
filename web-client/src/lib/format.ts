/**
 * Numbers, dates and counts in the browser's locale: every screen formats through here, so a
 * trainer in Germany reads "82,5" and "6. Dez." and one in the US reads "82.5" and "Dec 6".
 */

const numbers = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** 82.5 → "82.5" (or "82,5"); at most two decimals, no trailing zeros. */
export function formatNumber(n: number): string {
  return numbers.format(n);
}

/** A calendar day: "Dec 6, 2026". Accepts an ISO date ("2026-12-06") without shifting it a day. */
export function formatDate(value: string | number | Date): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Date(`${value}T00:00:00`).toLocaleDateString(undefined, { dateStyle: 'medium' });
  }
  return new Date(value).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** A day without its year, for axis and column labels: "Dec 6" (or "6. Dez."). Accepts an ISO date like formatDate. */
export function formatDay(value: string): string {
  return new Date(`${value}T00:00:00`).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

/** "Dec 6, 2026, 14:05". */
export function formatDateTime(value: string | number | Date): string {
  return new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "14:05" (or "2:05 PM"). */
export function formatTime(value: string | number | Date): string {
  return new Date(value).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** plural(1, 'exercise') → "1 exercise"; plural(3, 'set') → "3 sets"; irregular: plural(2, 'rep', 'reps'). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

/** 3930 → "1 h 5 min"; 600 → "10 min"; under a minute → "45 s". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${formatNumber(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${formatNumber(hours)} h ${formatNumber(minutes % 60)} min` : `${formatNumber(minutes)} min`;
}
