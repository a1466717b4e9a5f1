import { useMemo, useState } from 'preact/hooks';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ExercisePicker } from '../../../components/ExercisePicker';
import { ProblemBanner } from '../../../components/ProblemBanner';
import { describe, useLoad } from '../../../components/useLoad';
import { formatNumber, plural } from '../../../lib/format';
import { formDraft } from '../../../lib/formDraft';
import { targetText } from '../../../lib/liveView';
import type { Exercise } from '../../../lib/protocol';
import { fromLibrary, searchExercises } from '../exercises';
import { api, go, unit } from '../state';
import { formBody, type ExerciseTemplate, type SessionTemplate } from './types';

/** 6 to 10 in halves, as the API takes them. */
const TARGET_RPES = [6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10];
const EXERCISE_FIELDS = { exerciseName: 'text', targetSets: 'number', targetReps: 'number', targetWeight: 'number', targetRpe: 'number', restBetweenSets: 'number', supersetGroup: 'text', notes: 'text' } as const;

/** A template's name and its exercises: add, edit, reorder, delete. */
export function TemplateEditor({ id }: { id: string }) {
  const loaded = useLoad(() => api.get<SessionTemplate>(`/session-templates/${id}`), [id]);
  const [editing, setEditing] = useState<string | null>(null);
  const [renaming, setRenaming] = useState(false);
  const t = loaded.data;
  if (!t) return <ProblemBanner message={loaded.error} />;
  const exercises = [...t.exercises].sort((a, b) => a.orderIndex - b.orderIndex);

  async function act(call: () => Promise<unknown>) {
    try {
      await call();
      setEditing(null);
      loaded.reload();
    } catch (error) {
      loaded.setError(describe(error));
    }
  }
  const move = (index: number, by: number) => {
    const ids = exercises.map((e) => e.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    return act(() => api.put(`/session-templates/${id}/exercise-order`, { ids }));
  };

  return (
    <section class="stack" aria-labelledby="template-title">
      <div class="row between">
        {renaming ? (
          <form class="row" onSubmit={(e) => {
            e.preventDefault();
            const name = String(new FormData(e.currentTarget).get('name')).trim();
            void act(() => (name === t.name ? Promise.resolve() : api.patch(`/session-templates/${id}`, { name }))).then(() => setRenaming(false));
          }} aria-label="Rename template">
            <label><span class="sr-only">Template name</span><input name="name" defaultValue={t.name} required maxLength={200} autoFocus /></label>
            <button type="submit" class="primary">Save name</button>
            <button type="button" class="ghost" onClick={() => setRenaming(false)}>Cancel</button>
          </form>
        ) : (
          <h1 id="template-title">{t.name}</h1>
        )}
        <div class="row">
          {!renaming && <button type="button" onClick={() => setRenaming(true)}>Rename</button>}
          <button type="button" onClick={() => api.post<SessionTemplate>(`/session-templates/${id}/duplicate`).then((copy) => go(`templates/${copy.id}`), (e: unknown) => loaded.setError(describe(e)))}>Duplicate</button>
          <ConfirmButton label="Delete template" testId="delete-template"
            question={`Delete the template “${t.name}” and its ${plural(t.exercises.length, 'exercise')}? Programs that use it keep their sessions, without a template.`}
            confirm="Delete template"
            onConfirm={() => api.delete(`/session-templates/${id}`).then(() => go('templates'), (e: unknown) => loaded.setError(describe(e)))} />
          <a class="btn" href="#/templates">All templates</a>
        </div>
      </div>
      <ProblemBanner message={loaded.error} onClose={() => loaded.setError(null)} />
      <ol class="list" aria-label="Exercises">
        {exercises.map((ex, i) =>
          editing === ex.id ? (
            <li key={ex.id}>
              <ExerciseForm exercise={ex} label="Save" onSubmit={(body) => act(() => api.patch(`/session-templates/${id}/exercises/${ex.id}`, body))} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={ex.id} class="row card exercise-row">
              <span class="spacer"><strong>{i + 1}. {ex.exerciseName}</strong> <span class="muted">{targetText(ex, unit.value)}{ex.restBetweenSets ? ` · rest ${ex.restBetweenSets} s` : ''}</span>
                {ex.supersetGroup && <span class="badge superset">Superset {ex.supersetGroup}</span>}</span>
              <button type="button" aria-label={`Move ${ex.exerciseName} up`} disabled={i === 0} onClick={() => void move(i, -1)}>↑</button>
              <button type="button" aria-label={`Move ${ex.exerciseName} down`} disabled={i === exercises.length - 1} onClick={() => void move(i, 1)}>↓</button>
              <button type="button" onClick={() => setEditing(ex.id)}>Edit</button>
              <ConfirmButton label="✕" ariaLabel={`Delete ${ex.exerciseName}`} question={`Remove ${ex.exerciseName} from this template?`}
                confirm="Remove exercise" onConfirm={() => void act(() => api.delete(`/session-templates/${id}/exercises/${ex.id}`))} />
            </li>
          ),
        )}
      </ol>
      <ExerciseForm key={exercises.length} label="Add exercise" onSubmit={(body) => act(() => api.post(`/session-templates/${id}/exercises`, body))} />
    </section>
  );
}

/**
 * A new exercise (empty fields are left out), or one being edited: a draft over the stored exercise
 * that sends only what was changed, so fields this form does not show (instructions, tips, muscles…)
 * and those left alone keep their stored values; saved unchanged, it sends nothing. A name picked
 * from the library links the exercise (exerciseId, muscles, equipment); a name typed by hand unlinks it.
 */
function ExerciseForm({ exercise, label, onSubmit, onCancel }: {
  exercise?: ExerciseTemplate;
  label: string;
  onSubmit: (body: Record<string, unknown>) => void;
  onCancel?: () => void;
}) {
  const draft = useMemo(() => formDraft(EXERCISE_FIELDS, (exercise ?? {}) as Record<string, unknown>), [exercise]);
  const storedId = exercise?.exerciseId ?? null;
  const [picked, setPicked] = useState<Exercise | null>(null);
  const [exerciseId, setExerciseId] = useState(storedId);
  const linked = () => (exerciseId === storedId ? {} : picked ? fromLibrary(picked) : { exerciseId: null });
  const t = draft.texts.value;
  const field = (name: keyof typeof EXERCISE_FIELDS) => ({
    name,
    value: t[name],
    onInput: (e: Event) => draft.set(name, (e.currentTarget as HTMLInputElement).value),
  });
  function submit(e: Event) {
    e.preventDefault();
    if (!exercise) return onSubmit({ ...formBody(new FormData(e.currentTarget as HTMLFormElement), EXERCISE_FIELDS, 'omit'), ...linked() });
    if (!draft.dirty.value && exerciseId === storedId) return onCancel?.();
    onSubmit({ ...draft.changes.value, ...linked() });
  }
  return (
    <form class="card grid-2 exercise-form" onSubmit={submit} aria-label={exercise ? `Edit ${exercise.exerciseName}` : 'New exercise'}>
      <ExercisePicker label="Exercise" name="exerciseName" value={t.exerciseName} required search={searchExercises}
        placeholder="Type to search the library, or any name"
        onText={(text) => {
          draft.set('exerciseName', text);
          setPicked(null);
          setExerciseId(null);
        }}
        onPick={(chosen) => {
          draft.set('exerciseName', chosen.name);
          setPicked(chosen);
          setExerciseId(chosen.id);
        }} />
      <label>Sets<input {...field('targetSets')} type="number" min={0} max={100} /></label>
      <label>Reps<input {...field('targetReps')} type="number" min={0} max={1000} /></label>
      {/* step="any": 61.25 kg (micro-plates) is a real target, not a form error. */}
      <label>Weight ({unit.value})<input {...field('targetWeight')} type="number" min={0} max={2000} step="any" /></label>
      {/* With the reps, a target RPE sets the suggested load of each set (docs/coaching.md). */}
      <label>Target RPE
        <select {...field('targetRpe')}>
          <option value="">—</option>
          {TARGET_RPES.map((r) => <option key={r} value={String(r)}>{formatNumber(r)}</option>)}
        </select>
      </label>
      <label>Rest between sets (s)<input {...field('restBetweenSets')} type="number" min={0} max={86400} /></label>
      {/* Consecutive exercises with one label form a superset: the logger alternates them, rest after the last. */}
      <label>Superset group<input {...field('supersetGroup')} maxLength={10} placeholder="none, or a label such as A" /></label>
      {/* A textarea: a one-line input would drop the notes' line breaks. */}
      <label>Notes<textarea {...field('notes')} rows={2} maxLength={10000} /></label>
      <div class="row end" style={{ gridColumn: '1 / -1' }}>
        {onCancel && <button type="button" class="ghost" onClick={onCancel}>Cancel</button>}
        <button type="submit" class="primary">{label}</button>
      </div>
    </form>
  );
}
