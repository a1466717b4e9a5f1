import { useState } from 'preact/hooks';
import { LineChart, trendLabel } from '../../../components/LineChart';
import { ProblemBanner } from '../../../components/ProblemBanner';
import { describe } from '../../../components/useLoad';
import { formatDate } from '../../../lib/format';
import { api } from '../state';
import { formBody, type Trainee } from './types';

/** Body measurements: add one, see the history and the weight trend. */
export function Measurements({ trainee, onChange }: { trainee: Trainee; onChange: () => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const history = trainee.measurementHistory;
  const weights = history.filter((m) => m.weight != null).map((m) => ({ x: Date.parse(m.measuredAt) / 86_400_000, y: m.weight! }));

  async function add(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const body = formBody(new FormData(form), { weight: 'number', bodyFatPercentage: 'number', restingHeartRate: 'number' }, 'omit');
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

  return (
    <section class="card stack" aria-labelledby="measurements-title">
      <h2 id="measurements-title">Measurements</h2>
      <ProblemBanner message={problem} onClose={() => setProblem(null)} />
      <form class="row" onSubmit={add} aria-label="New measurement">
        <label>Weight (kg)<input name="weight" type="number" min={1} max={700} step="0.1" inputMode="decimal" /></label>
        <label>Body fat %<input name="bodyFatPercentage" type="number" min={0} max={100} step="0.1" inputMode="decimal" /></label>
        <label>Resting HR<input name="restingHeartRate" type="number" min={20} max={250} inputMode="numeric" /></label>
        <button type="submit" class="primary">Add measurement</button>
      </form>
      {weights.length > 1 && (
        <LineChart series={[{ name: 'Body weight', points: weights, color: 'var(--accent)' }]}
          label={trendLabel('Body weight over time', weights, 'kg')} unit="kg" />
      )}
      {history.length > 0 ? (
        <table>
          <thead><tr><th>Date</th><th>Weight</th><th>Body fat</th><th>Resting HR</th></tr></thead>
          <tbody>
            {[...history].reverse().map((m) => (
              <tr key={m.measuredAt}>
                <td>{formatDate(m.measuredAt)}</td>
                <td class="num">{m.weight ?? '—'}</td>
                <td class="num">{m.bodyFatPercentage ?? '—'}</td>
                <td class="num">{m.restingHeartRate ?? '—'}</td>
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
