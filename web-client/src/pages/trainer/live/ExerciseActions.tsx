import { useRef, useState } from 'preact/hooks';
import { ExercisePicker } from '../../../components/ExercisePicker';
import { uuid } from '../../../lib/ids';
import { isDone } from '../../../lib/liveView';
import type { Exercise, ExerciseRecord, Send } from '../../../lib/protocol';
import { searchExercises } from '../exercises';

type Panel = 'skip' | 'add' | 'note' | null;

/** Moving on (next, skip with a reason), adding an exercise on the fly, rating form, notes. */
export function ExerciseActions({ exercise, next, send }: { exercise: ExerciseRecord | null; next: ExerciseRecord | null; send: Send }) {
  const [panel, setPanel] = useState<Panel>(null);
  // The add form's name and, when it was picked from the library, the exercise it names.
  const [addName, setAddName] = useState('');
  const [picked, setPicked] = useState<Exercise | null>(null);
  // The button that opened the panel: the focus goes back to it when the panel's form is sent and gone.
  const opener = useRef<HTMLButtonElement | null>(null);
  const toggle = (p: Panel, e: Event) => {
    opener.current = e.currentTarget as HTMLButtonElement;
    setPanel(panel === p ? null : p);
  };

  function goNext() {
    if (exercise && !isDone(exercise)) send('complete-exercise', { exerciseRecordId: exercise.id });
    if (next) send('start-exercise', { exerciseRecordId: next.id });
  }

  function submit(e: Event, act: (form: FormData) => void) {
    e.preventDefault();
    act(new FormData(e.currentTarget as HTMLFormElement));
    setPanel(null);
    opener.current?.focus();
  }

  return (
    <div class="card stack actions">
      <button type="button" class="primary" disabled={!exercise && !next} onClick={goNext} data-testid="next-exercise">
        {next ? `Next: ${next.exerciseName}` : 'Finish exercise'}
      </button>
      <div class="row">
        <button type="button" disabled={!exercise} aria-expanded={panel === 'skip'} onClick={(e) => toggle('skip', e)}>Skip…</button>
        <button type="button" aria-expanded={panel === 'add'} onClick={(e) => toggle('add', e)}>Add exercise…</button>
        <button type="button" aria-expanded={panel === 'note'} onClick={(e) => toggle('note', e)}>Note…</button>
      </div>
      {exercise && (
        <div role="group" aria-label="Form rating" class="form-rating">
          <span class="small muted">Form</span>
          {[1, 2, 3, 4, 5].map((n) => (
            <button type="button" key={n} aria-pressed={exercise.formRating === n} onClick={() => send('rate-form', { exerciseRecordId: exercise.id, formRating: n })}>
              {n}
            </button>
          ))}
        </div>
      )}
      {panel === 'skip' && exercise && (
        <form class="stack" onSubmit={(e) => submit(e, (f) => {
          const reason = String(f.get('reason') ?? '').trim();
          send('skip-exercise', { exerciseRecordId: exercise.id, ...(reason ? { reason } : {}) });
          if (next) send('start-exercise', { exerciseRecordId: next.id });
        })}>
          <label>Why skip {exercise.exerciseName}?<input name="reason" maxLength={1000} placeholder="e.g. knee pain, no free rack" /></label>
          <button type="submit" class="danger">Skip exercise</button>
        </form>
      )}
      {panel === 'add' && (
        <form class="stack" onSubmit={(e) => submit(e, (f) => {
          const number = (name: string) => (f.get(name) ? Number(f.get(name)) : undefined);
          const group = String(f.get('supersetGroup') ?? '').trim();
          const payload = {
            exerciseRecordId: uuid(),
            exerciseName: String(f.get('name')).trim(),
            ...(picked ? { exerciseId: picked.id } : {}),
            ...(exercise ? { afterExerciseRecordId: exercise.id } : {}),
            ...(group ? { supersetGroup: group } : {}),
            ...Object.fromEntries(
              (['targetSets', 'targetReps', 'targetWeight', 'restBetweenSets'] as const)
                .map((k) => [k, number(k)])
                .filter(([, v]) => v !== undefined),
            ),
          };
          send('add-exercise', payload);
          setAddName('');
          setPicked(null);
        })}>
          <ExercisePicker label="Exercise" name="name" value={addName} required search={searchExercises}
            placeholder="Type to search the library, or any name"
            onText={(text) => {
              setAddName(text);
              setPicked(null);
            }}
            onPick={(chosen) => {
              setAddName(chosen.name);
              setPicked(chosen);
            }} />
          <div class="grid-2">
            <label>Sets<input name="targetSets" type="number" min={0} max={100} inputMode="numeric" /></label>
            <label>Reps<input name="targetReps" type="number" min={0} max={1000} inputMode="numeric" /></label>
            <label>Weight<input name="targetWeight" type="number" min={0} max={2000} step="0.5" inputMode="decimal" /></label>
            <label>Rest (s)<input name="restBetweenSets" type="number" min={0} max={86400} inputMode="numeric" /></label>
            <label>Superset group<input name="supersetGroup" maxLength={10} placeholder="none, or e.g. A" /></label>
          </div>
          <button type="submit" class="primary">Add {exercise ? 'after the current one' : ''}</button>
        </form>
      )}
      {panel === 'note' && (
        <form class="stack" onSubmit={(e) => submit(e, (f) => send('add-note', { text: String(f.get('text')).trim() }))}>
          <label>Note (only you see it)<textarea name="text" required maxLength={10000} /></label>
          <button type="submit" class="primary">Add note</button>
        </form>
      )}
    </div>
  );
}
