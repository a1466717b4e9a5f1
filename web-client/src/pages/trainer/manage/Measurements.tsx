import { useState } from 'preact/hooks';
import { LineChart, trendLabel } from '../../../components/LineChart';
import { ProblemBanner } from '../../../components/ProblemBanner';
import { describe } from '../../../components/useLoad';
import { lengthCm, lengthUnit, shownLength, shownWeight, weightKg } from '../../../lib/bodyUnits';
import { formatDate, formatNumber } from '../../../lib/format';
import { api, unit } from '../state';
import { formBody, type Measurement, type Trainee } from './types';

/** The girths the form asks for; the table shows every site a measurement has. */
const GIRTH_SITES = ['waist', 'hips', 'chest'] as const;

/**
 * Body measurements: add one, see the history and the weight trend, all in the trainer's unit (lb
 * and inches for an lb trainer; stored in kg and cm).
 */
export function Measurements({ trainee, onChange }: { trainee: Trainee; onChange: () => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const u = unit.value;
  const length = lengthUnit(u);
  const history = trainee.measurementHistory;
  const weights = history.filter((m) => m.weight != null).map((m) => ({ x: Date.parse(m.measuredAt) / 86_400_000, y: shownWeight(m.weight!, u) }));

  async function add(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const typed = formBody(new FormData(form), { weight: 'number', bodyFatPercentage: 'number', restingHeartRate: 'number',
      ...Object.fromEntries(GIRTH_SITES.map((site) => [site, 'number'])) }, 'omit') as Record<string, number>;
    const body: Record<string, unknown> = {};
    if (typed.weight != null) body.weight = weightKg(typed.weight, u);
    if (typed.bodyFatPercentage != null) body.bodyFatPercentage = typed.bodyFatPercentage;
    if (typed.restingHeartRate != null) body.restingHeartRate = typed.restingHeartRate;
    const girths = Object.fromEntries(GIRTH_SITES.filter((site) => typed[site] != null).map((site) => [site, lengthCm(typed[site]!, u)]));
    if (Object.keys(girths).length > 0) body.girths = girths;
    if (Object.keys(body).length === 0) return setProblem('Enter at least one value.');
    try {
      await api.post(`/trainees/${trainee.id}/measurements`, body);
      form.reset();
      setProblem(null);
      onChange();
    } catch (error) {
      setProblem(describe(error));
    }
  }

  // Bounds of the API's (1–700 kg, 0–500 cm), in the unit shown.
  const maxWeight = Math.floor(shownWeight(700, u));
  const maxGirth = Math.floor(shownLength(500, u));
  return (
    <section class="card stack" aria-labelledby="measurements-title">
      <h2 id="measurements-title">Measurements</h2>
      <ProblemBanner message={problem} onClose={() => setProblem(null)} />
      <form class="row" onSubmit={add} aria-label="New measurement">
        <label>Weight ({u})<input name="weight" type="number" min={u === 'lb' ? 3 : 1} max={maxWeight} step="0.1" inputMode="decimal" /></label>
        <label>Body fat %<input name="bodyFatPercentage" type="number" min={0} max={100} step="0.1" inputMode="decimal" /></label>
        <label>Resting HR<input name="restingHeartRate" type="number" min={20} max={250} inputMode="numeric" /></label>
        {GIRTH_SITES.map((site) => (
          <label key={site}>{capitalised(site)} ({length})<input name={site} type="number" min={0} max={maxGirth} step="0.1" inputMode="decimal" /></label>
        ))}
        <button type="submit" class="primary">Add measurement</button>
      </form>
      {weights.length > 1 && (
        <LineChart series={[{ name: 'Body weight', points: weights, color: 'var(--accent)' }]}
          label={trendLabel('Body weight over time', weights, u)} unit={u} />
      )}
      {history.length > 0 ? (
        <table>
          <thead><tr><th>Date</th><th>Weight ({u})</th><th>Body fat</th><th>Resting HR</th><th>Girths ({length})</th></tr></thead>
          <tbody>
            {[...history].reverse().map((m) => (
              <tr key={m.measuredAt}>
                <td>{formatDate(m.measuredAt)}</td>
                <td class="num">{m.weight != null ? formatNumber(shownWeight(m.weight, u)) : '—'}</td>
                <td class="num">{m.bodyFatPercentage ?? '—'}</td>
                <td class="num">{m.restingHeartRate ?? '—'}</td>
                <td class="num">{girthText(m, u) || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">No measurements yet.</p>
      )}
    </section>
  );
}

/** "waist 32 · hips 38.5": every site of the measurement, the form's first, in the trainer's length unit. */
function girthText(m: Measurement, u: typeof unit.value): string {
  const rank = (site: string) => {
    const i = (GIRTH_SITES as readonly string[]).indexOf(site);
    return i < 0 ? GIRTH_SITES.length : i;
  };
  return Object.entries(m.girths ?? {})
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([site, cm]) => `${site} ${formatNumber(shownLength(cm, u))}`).join(' · ');
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
