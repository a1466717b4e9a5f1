import { useEffect, useState } from 'preact/hooks';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ProblemBanner } from '../../../components/ProblemBanner';
import { describe, useLoad } from '../../../components/useLoad';
import { plural } from '../../../lib/format';
import { sameJson } from '../../../lib/formDraft';
import { EQUIPMENT, EXERCISE_CATEGORIES, MUSCLES, type Exercise } from '../../../lib/protocol';
import { api } from '../state';
import type { Page } from './types';

const LEVELS = ['beginner', 'intermediate', 'expert'] as const;
const FORCES = ['push', 'pull', 'static'] as const;
const MECHANICS = ['compound', 'isolation'] as const;
type Filters = { q: string; muscle: string; equipment: string; category: string };

/** The exercise library to browse and filter, and the trainer's own exercises to add, edit and delete. */
export function ExercisesPage() {
  const [filters, setFilters] = useState<Filters>({ q: '', muscle: '', equipment: '', category: '' });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const query = Object.entries(filters).filter(([, v]) => v).map(([k, v]) => `&${k}=${encodeURIComponent(v)}`).join('');
  const list = useLoad(() => api.get<Page<Exercise>>(`/exercises?limit=50${query}`), [query]);
  // Pages loaded with "Show more" after the first; a new search starts over.
  const [more, setMore] = useState<{ items: Exercise[]; cursor: string | null } | null>(null);
  useEffect(() => setMore(null), [query]);
  const next = more ? more.cursor : list.data?.nextCursor ?? null;
  const shown = [...(list.data?.items ?? []), ...(more?.items ?? [])];

  async function act(call: () => Promise<unknown>) {
    try {
      await call();
      setAdding(false);
      setEditing(null);
      setMore(null);
      list.reload();
    } catch (error) {
      list.setError(describe(error));
    }
  }
  async function loadMore() {
    if (!next) return;
    try {
      const page = await api.get<Page<Exercise>>(`/exercises?limit=50${query}&cursor=${encodeURIComponent(next)}`);
      setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor });
    } catch (error) {
      list.setError(describe(error));
    }
  }
  const filter = (key: keyof Filters) => (e: Event) => setFilters({ ...filters, [key]: (e.currentTarget as HTMLInputElement).value });

  return (
    <section class="stack" aria-labelledby="exercises-title">
      <div class="row between">
        <h1 id="exercises-title">Exercises</h1>
        <button type="button" class="primary" aria-expanded={adding} onClick={() => setAdding(!adding)}>+ New exercise</button>
      </div>
      <ProblemBanner message={list.error} onClose={() => list.setError(null)} />
      {adding && <ExerciseForm label="Add exercise" onCancel={() => setAdding(false)} onSubmit={(body) => act(() => api.post('/exercises', body))} />}
      <div class="row filters" role="search" aria-label="Find exercises">
        <label class="spacer"><span class="sr-only">Search exercises</span>
          <input type="search" placeholder="Search: name, typos allowed" value={filters.q} onInput={filter('q')} />
        </label>
        <Choice label="Muscle" value={filters.muscle} options={MUSCLES} onChange={filter('muscle')} />
        <Choice label="Equipment" value={filters.equipment} options={EQUIPMENT} onChange={filter('equipment')} />
        <Choice label="Category" value={filters.category} options={EXERCISE_CATEGORIES} onChange={filter('category')} />
      </div>
      <ul class="list" aria-label="Exercises found">
        {shown.map((ex) => (
          <li key={ex.id}>
            {editing === ex.id ? (
              <ExerciseForm exercise={ex} label="Save" onCancel={() => setEditing(null)} onSubmit={(body) => act(() => api.patch(`/exercises/${ex.id}`, body))} />
            ) : (
              <div class="row card exercise-row">
                <span class="spacer">
                  <strong>{ex.name}</strong>{ex.custom && <span class="badge mine">yours</span>}
                  <span class="small muted block">{[ex.primaryMuscles.join(', '), ex.equipment, ex.category, ex.level].filter((s) => s).join(' · ')}</span>
                </span>
                {ex.custom && <button type="button" onClick={() => setEditing(ex.id)} aria-label={`Edit ${ex.name}`}>Edit</button>}
                {ex.custom && (
                  <ConfirmButton label="Delete" question={`Delete your exercise “${ex.name}”? Templates and sessions that use it keep its name.`}
                    confirm="Delete exercise" onConfirm={() => void act(() => api.delete(`/exercises/${ex.id}`))} />
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      {list.data && shown.length === 0 && <p class="muted">No exercise matches. Add your own with “+ New exercise”.</p>}
      {next && <button type="button" onClick={() => void loadMore()}>Show more</button>}
      {list.data && <p class="small muted">{plural(shown.length, 'exercise')} shown{next ? ', more to load' : ''}.</p>}
    </section>
  );
}

function Choice({ label, value, options, onChange }: { label: string; value: string; options: readonly string[]; onChange: (e: Event) => void }) {
  return (
    <label><span class="sr-only">{label}</span>
      <select value={value} onChange={onChange} aria-label={label}>
        <option value="">{`Any ${label.toLowerCase()}`}</option>
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </label>
  );
}

/**
 * A custom exercise: new (every field set is sent) or edited (only what changed is sent, so saving
 * unchanged sends nothing). Values come from the library's sets, as the server requires.
 */
function ExerciseForm({ exercise, label, onSubmit, onCancel }: {
  exercise?: Exercise;
  label: string;
  onSubmit: (body: Record<string, unknown>) => void;
  onCancel: () => void;
}) {
  function submit(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim() || null;
    const values: Record<string, unknown> = {
      name: text('name'), category: text('category'), equipment: text('equipment'), level: text('level'),
      force: text('force'), mechanic: text('mechanic'),
      primaryMuscles: form.getAll('primaryMuscles'), secondaryMuscles: form.getAll('secondaryMuscles'),
    };
    const original = (exercise ?? {}) as unknown as Record<string, unknown>;
    const body = Object.fromEntries(Object.entries(values).filter(([k, v]) =>
      exercise ? !sameJson(v, original[k] ?? null) : v !== null && !(Array.isArray(v) && v.length === 0)));
    if (exercise && Object.keys(body).length === 0) return onCancel();
    onSubmit(body);
  }
  const select = (name: string, title: string, options: readonly string[], required = false) => (
    <label>{title}
      <select name={name} required={required} defaultValue={String((exercise as unknown as Record<string, unknown> | undefined)?.[name] ?? (required ? 'strength' : ''))}>
        {!required && <option value="">—</option>}
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </label>
  );
  const muscles = (name: 'primaryMuscles' | 'secondaryMuscles', title: string) => (
    <fieldset class="muscles">
      <legend>{title}</legend>
      {MUSCLES.map((m) => (
        <label key={m} class="check"><input type="checkbox" name={name} value={m} defaultChecked={exercise?.[name].includes(m)} />{m}</label>
      ))}
    </fieldset>
  );
  return (
    <form class="card grid-2" onSubmit={submit} aria-label={exercise ? `Edit ${exercise.name}` : 'New exercise'}>
      <label>Name<input name="name" required maxLength={200} defaultValue={exercise?.name} /></label>
      {select('category', 'Category', EXERCISE_CATEGORIES, true)}
      {select('equipment', 'Equipment', EQUIPMENT)}
      {select('level', 'Level', LEVELS)}
      {select('force', 'Force', FORCES)}
      {select('mechanic', 'Mechanic', MECHANICS)}
      {muscles('primaryMuscles', 'Primary muscles')}
      {muscles('secondaryMuscles', 'Secondary muscles')}
      <div class="row end" style={{ gridColumn: '1 / -1' }}>
        <button type="button" class="ghost" onClick={onCancel}>Cancel</button>
        <button type="submit" class="primary">{label}</button>
      </div>
    </form>
  );
}
