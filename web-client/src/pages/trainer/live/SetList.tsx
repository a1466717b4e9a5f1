import { useEffect, useRef, useState } from 'preact/hooks';
import { useFocusWhenLost } from '../../../components/focus';
import { RpePicker } from '../../../components/RpePicker';
import { Stepper } from '../../../components/Stepper';
import type { PendingCommand } from '../../../lib/commandQueue';
import { uuid } from '../../../lib/ids';
import { isWarmup, lastSet, pendingSets, setName, setText, workingSets } from '../../../lib/liveView';
import type { ExerciseRecord, LiveState, Send, WorkSet } from '../../../lib/protocol';

/** How long a deleted set can be brought back. */
const UNDO_MS = 8_000;

/**
 * The exercise's sets (tap to edit or delete), warm-ups apart, the ones still pending on this device,
 * and RPE for the last. A delete asks nothing but offers Undo for a few seconds: mid-session a
 * dialog costs a tap on every correction, while a wrong delete is rare and undone with one tap.
 */
export function SetList({ state, exercise, pending, send, disabled, increment }: {
  state: LiveState;
  exercise: ExerciseRecord;
  pending: readonly PendingCommand[];
  send: Send;
  disabled: boolean;
  increment: number;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<WorkSet | null>(null);
  // The set whose row gets the focus back when its editor closes (the editor had it).
  const backTo = useRef<string | null>(null);
  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted]);
  const waiting = pendingSets(pending, state, exercise.id);
  const last = lastSet(exercise);
  const warmups = exercise.sets.filter(isWarmup);
  const working = workingSets(exercise);

  function remove(set: WorkSet) {
    send('delete-set', { exerciseRecordId: exercise.id, setId: set.id });
    setDeleted(set);
  }

  // The same set again, under a new id: the server never reuses a set id, even of a deleted set.
  function undo(set: WorkSet) {
    const { kind, reps, weight, unit, rpe, rir, durationSeconds, distanceMeters, notes } = set;
    const fields = Object.fromEntries(
      Object.entries({ kind, reps, weight, unit, rpe, rir, durationSeconds, distanceMeters, notes }).filter(([, v]) => v != null),
    );
    send('log-set', { exerciseRecordId: exercise.id, setId: uuid(), ...fields });
    setDeleted(null);
  }

  const row = (set: WorkSet, label: string, testId: string) =>
    set.id === editing ? (
      <SetEditor key={set.id} exercise={exercise} set={set} send={send} increment={increment} remove={remove} done={() => {
        backTo.current = set.id;
        setEditing(null);
      }} />
    ) : (
      <li key={set.id} data-testid={testId}>
        <button type="button" class="ghost set-row" disabled={disabled}
          ref={(el) => {
            if (el && backTo.current === set.id) {
              backTo.current = null;
              el.focus();
            }
          }} onClick={() => setEditing(set.id)} aria-label={`${label}: ${setText(set)}. Edit`}>
          {/* The space keeps "#1 5 × 100 kg" two words in the name read from the text. */}
          <span class="num set-number">{label}</span> <span>{setText(set)}</span>
        </button>
      </li>
    );
  return (
    <div class="card stack">
      {last && !disabled && (
        <div>
          <span class="small muted">RPE of {setName(exercise, last).toLowerCase()}</span>
          <RpePicker value={last.rpe} onPick={(rpe) => send('record-rpe', { exerciseRecordId: exercise.id, setId: last.id, rpe })} />
        </div>
      )}
      {deleted && (
        <div class="banner info undo" role="status">
          <span>Set deleted: {setText(deleted)}</span>
          <span class="spacer" />
          <button type="button" onClick={() => undo(deleted)} data-testid="undo-delete">Undo</button>
        </div>
      )}
      {exercise.sets.length === 0 && waiting.length === 0 && <p class="muted small">No sets yet.</p>}
      {warmups.length > 0 && (
        <ol class="sets warmups" aria-label="Warm-up sets">
          {warmups.map((set, i) => row(set, `W${i + 1}`, 'warmup-row'))}
        </ol>
      )}
      <ol class="sets" aria-label="Sets logged">
        {working.map((set, i) => row(set, `#${i + 1}`, 'set-row'))}
        {waiting.map((p) => (
          <li key={p.setId} class="pending" data-testid="pending-set">
            <span class="set-row">⏳ {setText({ id: p.setId, number: 0, reps: p.reps ?? null, weight: p.weight ?? null, unit: p.unit ?? 'kg' })} — waiting for the server</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function SetEditor({ exercise, set, send, increment, remove, done }: {
  exercise: ExerciseRecord;
  set: WorkSet;
  send: Send;
  increment: number;
  remove: (set: WorkSet) => void;
  done: () => void;
}) {
  const editor = useFocusWhenLost<HTMLLIElement>();
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
    <li class="card set-editor" aria-label={`Editing ${setName(exercise, set).toLowerCase()}`} ref={editor} tabIndex={-1}>
      <Stepper label="Reps" value={reps} step={1} max={1000} whole onChange={setReps} />
      <Stepper label="Weight" value={weight} step={increment} max={2000} unit={set.unit ?? 'kg'} onChange={setWeight} />
      <div class="row">
        <button type="button" class="primary" onClick={save}>Save</button>
        <button type="button" class="danger" onClick={() => { remove(set); done(); }} data-testid="delete-set">Delete set</button>
        <button type="button" class="ghost" onClick={done}>Cancel</button>
      </div>
    </li>
  );
}
