import { heatLevel } from '../lib/chart';
import { formatDay, formatNumber } from '../lib/format';
import { busiest, type WeeklyVolume } from '../lib/progress';

/**
 * Working sets per muscle and week as a heat map: a table, muscles down, weeks across (newest on
 * the right), each cell its number on a shade of how busy it was. Being a table, it is its own
 * accessible alternative. Secondary muscles count half a set.
 */
export function VolumeGrid({ volume, weeks }: { volume: WeeklyVolume; weeks?: number }) {
  const shown = weeks ? volume.weeks.slice(-weeks) : volume.weeks;
  const muscles = volume.muscles.filter((m) => shown.some((w) => w.sets[m]));
  if (muscles.length === 0) return <p class="muted">No working sets in these {formatNumber(shown.length)} weeks.</p>;
  const max = busiest(shown);
  return (
    <div class="volume-grid" role="region" aria-label="Weekly sets per muscle" tabIndex={0}>
      <table data-testid="volume-grid">
        <caption class="sr-only">
          Working sets per muscle in the weeks starting {formatDay(shown[0]!.start)} to {formatDay(shown[shown.length - 1]!.start)}
          {' '}(weeks start Monday, {volume.timeZone}); a secondary muscle counts half a set
        </caption>
        <thead>
          <tr>
            <th scope="col">Muscle</th>
            {shown.map((w) => <th key={w.start} scope="col" title={w.week}>{formatDay(w.start)}</th>)}
          </tr>
        </thead>
        <tbody>
          {muscles.map((m) => (
            <tr key={m}>
              <th scope="row">{m}</th>
              {shown.map((w) => {
                const sets = w.sets[m] ?? 0;
                return (
                  <td key={w.start} class={`heat heat-${heatLevel(sets, max)}`}>
                    {sets > 0 ? formatNumber(sets) : <span class="sr-only">0</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
