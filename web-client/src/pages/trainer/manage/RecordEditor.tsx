import { useState } from 'preact/hooks';
import { ProblemBanner } from '../../../components/ProblemBanner';
import { describe } from '../../../components/useLoad';
import { uuid } from '../../../lib/ids';
import type { ExerciseRecord, SessionRecord, SetKind, WorkSet } from '../../../lib/protocol';
import { api } from '../state';

const KINDS: SetKind[] = ['warmup', 'working', 'drop', 'failure'];
/** What a set may carry back to the server (SetInput); anything else it holds is the server's. */
const SET_FIELDS = ['id', 'kind', 'reps', 'weight', 'unit', 'rpe', 'rir', 'durationSeconds', 'distanceMeters', 'notes', 'completedAt', 'loggedBy'] as const;

interface ExerciseDraft {
  sets: WorkSet[];
  notes: string;
  formRating: string;
}

function draftOf(e: ExerciseRecord): ExerciseDraft {
  return { sets: e.sets, notes: e.notes ?? '', formRating: e.formRating == null ? '' : String(e.formRating) };
}

/** A set as SetInput: unset values left out, numbered by position on the server. */
function setBody(set: WorkSet): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of SET_FIELDS) {
    const value = set[key];
    if (value != null && !(typeof value === 'number' && Number.isNaN(value))) body[key] = value;
  }
  return body;
}

/** Notes as typed (line breaks and spaces kept); blank clears them. */
const textOrNull = (text: string) => (text.trim() ? text : null);

/** Only what changed, so a record saved untouched sends nothing. */
function exerciseChanges(e: ExerciseRecord, d: ExerciseDraft): Record<string, unknown> | null {
  const changes: Record<string, unknown> = {};
  if (JSON.stringify(d.sets) !== JSON.stringify(e.sets)) changes.sets = d.sets.map(setBody);
  if (d.notes !== (e.notes ?? '')) changes.notes = textOrNull(d.notes);
  const rating = d.formRating === '' ? null : Number(d.formRating);
  if (rating !== e.formRating) changes.formRating = rating;
  return Object.keys(changes).length ? changes : null;
}

/** A past record opened for editing: each exercise's sets, notes and form rating, and the session notes. */
export function RecordEditor({ record, onDone }: { record: SessionRecord; onDone: (saved: boolean) => void }) {
  const [drafts, setDrafts] = useState<Record<string, ExerciseDraft>>(() =>
    Object.fromEntries(record.exercises.map((e) => [e.id, draftOf(e)])));
  const [notes, setNotes] = useState(record.trainerNotes ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const update = (id: string, change: Partial<ExerciseDraft>) => setDrafts((all) => ({ ...all, [id]: { ...all[id]!, ...change } }));
  const updateSet = (id: string, index: number, change: Partial<WorkSet>) =>
    update(id, { sets: drafts[id]!.sets.map((s, i) => (i === index ? { ...s, ...change } : s)) });

  async function save(e: Event) {
    e.preventDefault();
    setSaving(true);
    try {
      for (const exercise of record.exercises) {
        const changes = exerciseChanges(exercise, drafts[exercise.id]!);
        if (changes) await api.patch(`/session-records/${record.id}/exercises/${exercise.id}`, changes);
      }
      if (notes !== (record.trainerNotes ?? '')) {
        await api.patch(`/session-records/${record.id}`, { trainerNotes: textOrNull(notes) });
      }
      onDone(true);
    } catch (error) {
      setProblem(describe(error));
    } finally {
      setSaving(false);
    }
  }

  const number = (value: string) => (value === '' ? null : Number(value));
  return (
    <form class="card stack record-editor" onSubmit={save} aria-label="Edit session">
      <ProblemBanner message={problem} onClose={() => setProblem(null)} />
      {record.exercises.map((exercise) => {
        const d = drafts[exercise.id]!;
        return (
          <fieldset key={exercise.id} class="stack">
            <legend><strong>{exercise.exerciseName}</strong></legend>
            {/* Each input is labelled on its own ("Back squat set 2 weight"): the header row is for the eye. */}
            <div class="set-row head" aria-hidden="true"><span>#</span><span>Kind</span><span>Reps</span><span>Weight</span><span>RPE</span><span /></div>
            {d.sets.map((s, i) => {
              const label = `${exercise.exerciseName} set ${i + 1}`;
              return (
                <div key={s.id} class="set-row">
                  <span>{i + 1}</span>
                  <select aria-label={`${label} kind`} value={s.kind ?? 'working'} onChange={(ev) => updateSet(exercise.id, i, { kind: ev.currentTarget.value as SetKind })}>
                    {KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
                  </select>
                  <input aria-label={`${label} reps`} type="number" min={0} max={1000} value={s.reps ?? ''} onInput={(ev) => updateSet(exercise.id, i, { reps: number(ev.currentTarget.value) })} />
                  <span class="weight">
                    <input aria-label={`${label} weight`} type="number" min={0} max={2000} step="any" value={s.weight ?? ''} onInput={(ev) => updateSet(exercise.id, i, { weight: number(ev.currentTarget.value) })} />
                    <span class="muted small">{s.unit ?? 'kg'}</span>
                  </span>
                  <input aria-label={`${label} RPE`} type="number" min={1} max={10} step={0.5} value={s.rpe ?? ''} onInput={(ev) => updateSet(exercise.id, i, { rpe: number(ev.currentTarget.value) })} />
                  <button type="button" class="ghost" aria-label={`Remove ${label}`} onClick={() => update(exercise.id, { sets: d.sets.filter((_, j) => j !== i) })}>✕</button>
                </div>
              );
            })}
            <div class="row">
              <button type="button" onClick={() => {
                const last = d.sets[d.sets.length - 1];
                update(exercise.id, { sets: [...d.sets, { id: uuid(), number: d.sets.length + 1, kind: 'working', reps: last?.reps ?? null, weight: last?.weight ?? null, unit: last?.unit ?? 'kg' }] });
              }}>+ Add set</button>
            </div>
            <div class="grid-2">
              <label>Notes<textarea rows={2} maxLength={10000} value={d.notes} onInput={(ev) => update(exercise.id, { notes: ev.currentTarget.value })} /></label>
              <label>Form rating
                <select value={d.formRating} onChange={(ev) => update(exercise.id, { formRating: ev.currentTarget.value })}>
                  <option value="">—</option>
                  {[1, 2, 3, 4, 5].map((r) => <option key={r} value={String(r)}>{r} / 5</option>)}
                </select>
              </label>
            </div>
          </fieldset>
        );
      })}
      <label>Session notes<textarea rows={2} maxLength={10000} value={notes} onInput={(ev) => setNotes(ev.currentTarget.value)} /></label>
      <div class="row end">
        <button type="button" class="ghost" onClick={() => onDone(false)}>Cancel</button>
        <button type="submit" class="primary" disabled={saving}>Save changes</button>
      </div>
    </form>
  );
}
