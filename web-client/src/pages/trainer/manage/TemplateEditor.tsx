import { useState } from 'preact/hooks';
import { ProblemBanner } from '../../../components/ProblemBanner';
import { describe, useLoad } from '../../../components/useLoad';
import { targetText } from '../../../lib/liveView';
import { api, go } from '../state';
import { formBody, type ExerciseTemplate, type SessionTemplate } from './types';

const EXERCISE_FIELDS = { exerciseName: 'text', targetSets: 'number', targetReps: 'number', targetWeight: 'number', restBetweenSets: 'number', notes: 'text' } as const;

/** A template's name and its exercises: add, edit, reorder, delete. */
export function TemplateEditor({ id }: { id: string }) {
  const loaded = useLoad(() => api.get<SessionTemplate>(`/session-templates/${id}`), [id]);
  const [editing, setEditing] = useState<string | null>(null);
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
  const exerciseBody = (e: Event, emptyAs: 'omit' | 'null') => {
    e.preventDefault();
    return formBody(new FormData(e.currentTarget as HTMLFormElement), EXERCISE_FIELDS, emptyAs);
  };

  return (
    <section class="stack" aria-labelledby="template-title">
      <div class="row between">
        <h1 id="template-title">{t.name}</h1>
        <div class="row">
          <button type="button" class="danger" onClick={() => api.delete(`/session-templates/${id}`).then(() => go('templates'), (e: unknown) => loaded.setError(describe(e)))}>Delete template</button>
          <a class="btn" href="#/templates">All templates</a>
        </div>
      </div>
      <ProblemBanner message={loaded.error} onClose={() => loaded.setError(null)} />
      <ol class="list" aria-label="Exercises">
        {exercises.map((ex, i) =>
          editing === ex.id ? (
            <li key={ex.id}>
              <ExerciseForm exercise={ex} label="Save" onSubmit={(e) => act(() => api.patch(`/session-templates/${id}/exercises/${ex.id}`, exerciseBody(e, 'null')))} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={ex.id} class="row card exercise-row">
              <span class="spacer"><strong>{i + 1}. {ex.exerciseName}</strong> <span class="muted">{targetText(ex)}{ex.restBetweenSets ? ` · rest ${ex.restBetweenSets} s` : ''}</span></span>
              <button type="button" aria-label={`Move ${ex.exerciseName} up`} disabled={i === 0} onClick={() => void move(i, -1)}>↑</button>
              <button type="button" aria-label={`Move ${ex.exerciseName} down`} disabled={i === exercises.length - 1} onClick={() => void move(i, 1)}>↓</button>
              <button type="button" onClick={() => setEditing(ex.id)}>Edit</button>
              <button type="button" class="danger" aria-label={`Delete ${ex.exerciseName}`} onClick={() => void act(() => api.delete(`/session-templates/${id}/exercises/${ex.id}`))}>✕</button>
            </li>
          ),
        )}
      </ol>
      <ExerciseForm key={exercises.length} label="Add exercise" onSubmit={(e) => act(() => api.post(`/session-templates/${id}/exercises`, exerciseBody(e, 'omit')))} />
    </section>
  );
}

function ExerciseForm({ exercise, label, onSubmit, onCancel }: { exercise?: ExerciseTemplate; label: string; onSubmit: (e: Event) => void; onCancel?: () => void }) {
  const v = (x: string | number | null | undefined) => (x == null ? '' : String(x));
  return (
    <form class="card grid-2 exercise-form" onSubmit={onSubmit} aria-label={exercise ? `Edit ${exercise.exerciseName}` : 'New exercise'}>
      <label>Exercise<input name="exerciseName" required maxLength={200} defaultValue={v(exercise?.exerciseName)} /></label>
      <label>Sets<input name="targetSets" type="number" min={0} max={100} defaultValue={v(exercise?.targetSets)} /></label>
      <label>Reps<input name="targetReps" type="number" min={0} max={1000} defaultValue={v(exercise?.targetReps)} /></label>
      <label>Weight (kg)<input name="targetWeight" type="number" min={0} max={2000} step="0.5" defaultValue={v(exercise?.targetWeight)} /></label>
      <label>Rest between sets (s)<input name="restBetweenSets" type="number" min={0} max={86400} defaultValue={v(exercise?.restBetweenSets)} /></label>
      <label>Notes<input name="notes" maxLength={10000} defaultValue={v(exercise?.notes)} /></label>
      <div class="row end" style={{ gridColumn: '1 / -1' }}>
        {onCancel && <button type="button" class="ghost" onClick={onCancel}>Cancel</button>}
        <button type="submit" class="primary">{label}</button>
      </div>
    </form>
  );
}
