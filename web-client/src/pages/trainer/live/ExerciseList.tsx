import { isDone, workingSets } from '../../../lib/liveView';
import type { ExerciseRecord, LiveState, Send } from '../../../lib/protocol';

/** The session's exercises in order; tap one to make it current. */
export function ExerciseList({ state, current, send, disabled }: { state: LiveState; current: ExerciseRecord | null; send: Send; disabled: boolean }) {
  return (
    <nav class="exercise-list card" aria-label="Exercises">
      <ol class="list">
        {state.record.exercises.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              aria-current={e.id === current?.id ? 'step' : undefined}
              class={isDone(e) ? 'item done' : 'item'}
              // The current one stays focusable (a disabled button would drop the keyboard's focus).
              disabled={disabled}
              onClick={() => e.id !== current?.id && send('start-exercise', { exerciseRecordId: e.id })}
            >
              <span>{e.exerciseName}</span>
              <span class="small muted num">
                {e.skipped ? 'skipped' : e.completed ? '✓' : `${workingSets(e).length}/${e.targetSets ?? '–'}`}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
