import { useState } from 'preact/hooks';
import { RpePicker } from '../../../components/RpePicker';
import { Stepper } from '../../../components/Stepper';
import type { PendingCommand } from '../../../lib/commandQueue';
import { lastSet, pendingSets, setText } from '../../../lib/liveView';
import type { ExerciseRecord, LiveState, WorkSet } from '../../../lib/protocol';
import type { Send } from './LiveControl';

/** The exercise's sets (tap to edit or delete), the ones still pending on this device, and RPE for the last. */
export function SetList({ state, exercise, pending, send, disabled }: {
  state: LiveState;
  exercise: ExerciseRecord;
  pending: readonly PendingCommand[];
  send: Send;
  disabled: boolean;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const waiting = pendingSets(pending, state, exercise.id);
  const last = lastSet(exercise);
  return (
    <div class="card stack">
      {last && !disabled && (
        <div>
          <span class="small muted">RPE of set {last.number}</span>
          <RpePicker value={last.rpe} onPick={(rpe) => send('record-rpe', { exerciseRecordId: exercise.id, setId: last.id, rpe })} />
        </div>
      )}
      {exercise.sets.length === 0 && waiting.length === 0 && <p class="muted small">No sets yet.</p>}
      <ol class="sets" aria-label="Sets logged">
        {exercise.sets.map((set) =>
          set.id === editing ? (
            <SetEditor key={set.id} exercise={exercise} set={set} send={send} done={() => setEditing(null)} />
          ) : (
            <li key={set.id} data-testid="set-row">
              <button type="button" class="ghost set-row" disabled={disabled} onClick={() => setEditing(set.id)} aria-label={`Set ${set.number}: ${setText(set)}. Edit`}>
                <span class="num">#{set.number}</span>
                <span>{setText(set)}</span>
              </button>
            </li>
          ),
        )}
        {waiting.map((p) => (
          <li key={p.setId} class="pending" data-testid="pending-set">
            <span class="set-row">⏳ {setText({ id: p.setId, number: 0, reps: p.reps ?? null, weight: p.weight ?? null, unit: p.unit ?? 'kg' })} — waiting for the server</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function SetEditor({ exercise, set, send, done }: { exercise: ExerciseRecord; set: WorkSet; send: Send; done: () => void }) {
  const [reps, setReps] = useState(set.reps ?? null);
  const [weight, setWeight] = useState(set.weight ?? null);
  // Only what was changed is sent: a set saved as it was is not rewritten (nor its event broadcast).
  function save() {
    const changes = {
      ...(reps !== (set.reps ?? null) ? { reps } : {}),
      ...(weight !== (set.weight ?? null) ? { weight } : {}),
    };
    if (Object.keys(changes).length > 0) send('update-set', { exerciseRecordId: exercise.id, setId: set.id, ...changes });
    done();
  }
  return (
    <li class="card set-editor" aria-label={`Editing set ${set.number}`}>
      <Stepper label="Reps" value={reps} step={1} onChange={setReps} />
      <Stepper label="Weight" value={weight} step={2.5} unit={set.unit ?? 'kg'} onChange={setWeight} />
      <div class="row">
        <button type="button" class="primary" onClick={save}>Save</button>
        <button type="button" class="danger" onClick={() => { send('delete-set', { exerciseRecordId: exercise.id, setId: set.id }); done(); }}>Delete set</button>
        <button type="button" class="ghost" onClick={done}>Cancel</button>
      </div>
    </li>
  );
}
