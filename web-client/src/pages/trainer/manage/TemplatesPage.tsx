import { useState } from 'preact/hooks';
import { ProblemBanner } from '../../../components/ProblemBanner';
import { describe, useLoad } from '../../../components/useLoad';
import { api, go } from '../state';
import { TemplateEditor } from './TemplateEditor';
import { LEVELS, formBody, type Page, type SessionTemplate } from './types';

/** Session templates: the list, a new one, or one opened for editing. */
export function TemplatesPage({ id }: { id: string | null }) {
  if (id) return <TemplateEditor id={id} />;
  return <TemplateList />;
}

function TemplateList() {
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const list = useLoad(() => api.get<Page<SessionTemplate>>(`/session-templates?limit=200${q ? `&q=${encodeURIComponent(q)}` : ''}`), [q]);

  async function add(e: Event) {
    e.preventDefault();
    const body = formBody(new FormData(e.currentTarget as HTMLFormElement),
      { name: 'text', category: 'text', difficulty: 'text', durationMinutes: 'number' }, 'omit');
    try {
      const created = await api.post<SessionTemplate>('/session-templates', body);
      go(`templates/${created.id}`);
    } catch (error) {
      list.setError(describe(error));
    }
  }

  return (
    <section class="stack" aria-labelledby="templates-title">
      <div class="row between">
        <h1 id="templates-title">Session templates</h1>
        <button type="button" class="primary" aria-expanded={adding} onClick={() => setAdding(!adding)}>+ New template</button>
      </div>
      <ProblemBanner message={list.error} onClose={() => list.setError(null)} />
      {adding && (
        <form class="card grid-2" onSubmit={add} aria-label="New template">
          <label>Name<input name="name" required maxLength={200} /></label>
          <label>Category<input name="category" maxLength={100} placeholder="strength, conditioning…" /></label>
          <label>Difficulty
            <select name="difficulty"><option value="">—</option>{LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}</select>
          </label>
          <label>Duration (minutes)<input name="durationMinutes" type="number" min={1} max={1440} /></label>
          <div class="row end" style={{ gridColumn: '1 / -1' }}><button type="submit" class="primary">Create and add exercises</button></div>
        </form>
      )}
      <label><span class="sr-only">Search templates</span>
        <input type="search" placeholder="Search templates" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
      </label>
      <ul class="list">
        {list.data?.items.map((t) => (
          <li key={t.id}>
            <a class="btn item" href={`#/templates/${t.id}`}>
              <span>{t.name}</span>
              <span class="small muted">{t.exercises.length} exercises{t.category ? ` · ${t.category}` : ''}</span>
            </a>
          </li>
        ))}
      </ul>
      {list.data?.items.length === 0 && <p class="muted">No templates yet.</p>}
    </section>
  );
}
