import { useState } from 'preact/hooks';
import type { ExerciseRecord, InjuryFlag, LiveState } from '../../../lib/protocol';

/** "Left knee: No deep squats" */
const flagText = (flag: InjuryFlag): string => (flag.note ? `${flag.area}: ${flag.note}` : flag.area);

/**
 * The session's flagged exercises, shown when the trainer opens the session (until dismissed): every
 * exercise that works a muscle of one of the trainee's unresolved injuries, with the injury's note.
 */
export function InjuryBanner({ state }: { state: LiveState }) {
  const [dismissed, setDismissed] = useState(false);
  const flagged = state.record.exercises.filter((e) => (e.flags?.length ?? 0) > 0 && !e.completed && !e.skipped);
  if (dismissed || flagged.length === 0 || state.record.status !== 'live') return null;
  return (
    <section class="banner warn injury-banner" role="alert" aria-label="Injury flags" data-testid="injury-banner">
      <span class="flag-icon" aria-hidden="true">⚠</span>
      <div class="spacer">
        <strong>Injury flags</strong>
        <ul>
          {flagged.map((e) => (
            <li key={e.id}>
              <strong>{e.exerciseName}</strong> · {e.flags!.map(flagText).join(' · ')}
            </li>
          ))}
        </ul>
      </div>
      <button type="button" onClick={() => setDismissed(true)}>Got it</button>
    </section>
  );
}

/** On the current exercise's card: the injuries it works, announced as it becomes current. */
export function InjuryWarning({ exercise }: { exercise: ExerciseRecord }) {
  if (!exercise.flags?.length) return null;
  return (
    <div class="flag-warning" role="alert" data-testid="injury-warning">
      <span aria-hidden="true">⚠</span> Injury · {exercise.flags.map(flagText).join(' · ')}
    </div>
  );
}
