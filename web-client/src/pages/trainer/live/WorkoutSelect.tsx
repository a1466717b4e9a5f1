import type { Named, Planned } from './startChoices';

/** What the session starts from: the trainee's planned program sessions, a template, or nothing. */
export function WorkoutSelect({ planned, templates }: { planned: readonly Planned[]; templates: readonly Named[] }) {
  return (
    <label>
      Workout
      <select name="source">
        {planned.length > 0 && (
          <optgroup label="Planned for this trainee">
            {planned.map((s) => (
              <option key={s.id} value={`planned:${s.id}`}>
                {s.program}: {s.weekNumber ? `week ${s.weekNumber} ` : ''}{s.sessionNumber ? `#${s.sessionNumber} ` : ''}{s.name}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label="Templates">
          {templates.map((t) => (
            <option key={t.id} value={`template:${t.id}`}>{t.name}</option>
          ))}
        </optgroup>
        <option value="">Empty session (add exercises as you go)</option>
      </select>
    </label>
  );
}
