import { useState } from 'preact/hooks';
import { ProblemBanner } from '../../components/ProblemBanner';
import { formatNumber } from '../../lib/format';
import type { WeightUnit } from '../../lib/protocol';
import { ApiError } from '../../lib/rest';
import { me, saveMe } from './state';

const DEFAULT_INCREMENT: Record<WeightUnit, number> = { kg: 2.5, lb: 5 };

/** Every IANA zone the browser knows, for the picker; typing any other is still checked by the server. */
const ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** The trainer's unit, load increment and time zone: small, saved in one go. */
export function SettingsPage() {
  const trainer = me.value;
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [unit, setUnit] = useState<WeightUnit>(trainer?.unit ?? 'kg');

  async function save(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const increment = String(form.get('loadIncrement') ?? '').trim().replace(',', '.');
    setSaved(false);
    try {
      await saveMe({
        unit,
        // Empty: the unit's default, which then follows the unit.
        loadIncrement: increment === '' ? null : Number(increment),
        timeZone: String(form.get('timeZone') ?? '').trim(),
      });
      setProblem(null);
      setSaved(true);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.full : String(error));
    }
  }

  if (!trainer || trainer.timeZone === undefined) return <p class="muted">Loading settings…</p>;
  const ownIncrement = trainer.loadIncrement !== DEFAULT_INCREMENT[trainer.unit];
  return (
    <form class="card stack settings narrow" onSubmit={save} aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <ProblemBanner message={problem} onClose={() => setProblem(null)} />
      <fieldset class="stack">
        <legend>Weights in</legend>
        <div class="row" role="group" aria-label="Unit">
          {(['kg', 'lb'] as const).map((u) => (
            <button key={u} type="button" aria-pressed={unit === u} onClick={() => setUnit(u)}>
              {u}
            </button>
          ))}
        </div>
        <span class="small muted">Every screen shows it and new sets are logged in it; a set keeps the unit it was logged in.</span>
      </fieldset>
      <label>
        Load increment ({unit})
        <input
          name="loadIncrement"
          inputMode="decimal"
          defaultValue={ownIncrement ? formatNumber(trainer.loadIncrement) : ''}
          placeholder={`${formatNumber(DEFAULT_INCREMENT[unit])} (default)`}
        />
        <span class="small muted">The step of the weight buttons. Leave empty for {formatNumber(DEFAULT_INCREMENT[unit])} {unit}.</span>
      </label>
      <label>
        Time zone
        <input name="timeZone" list="time-zones" required defaultValue={trainer.timeZone} autoComplete="off" />
        <datalist id="time-zones">
          {ZONES.map((z) => <option key={z} value={z} />)}
        </datalist>
        <span class="small muted">Weeks and days of your reports are counted in it.</span>
      </label>
      <div class="row">
        <button type="submit" class="primary">Save settings</button>
        {saved && <span role="status" class="muted">Saved.</span>}
      </div>
    </form>
  );
}
