import { useState } from 'preact/hooks';
import { ProblemBanner } from '../../../components/ProblemBanner';
import { describe, useLoad } from '../../../components/useLoad';
import { api, go } from '../state';
import { ProgramEditor } from './ProgramEditor';
import { LEVELS, formBody, type Page, type Program } from './types';

/** Programs: weeks of planned sessions, each from a template, assigned to a trainee. */
export function ProgramsPage({ id }: { id: string | null }) {
  if (id) return <ProgramEditor id={id} />;
  return <ProgramList />;
}

function ProgramList() {
  const [adding, setAdding] = useState(false);
  const list = useLoad(() => api.get<Page<Program>>('/programs?limit=200'), []);

  async function add(e: Event) {
    e.preventDefault();
    const body = formBody(new FormData(e.currentTarget as HTMLFormElement), { name: 'text', durationWeeks: 'number', difficulty: 'text', description: 'text' }, 'omit');
    try {
      const created = await api.post<Program>('/programs', body);
      go(`programs/${created.id}`);
    } catch (error) {
      list.setError(describe(error));
    }
  }

  return (
    <section class="stack" aria-labelledby="programs-title">
      <div class="row between">
        <h1 id="programs-title">Programs</h1>
        <button type="button" class="primary" aria-expanded={adding} onClick={() => setAdding(!adding)}>+ New program</button>
      </div>
      <ProblemBanner message={list.error} onClose={() => list.setError(null)} />
      {adding && (
        <form class="card grid-2" onSubmit={add} aria-label="New program">
          <label>Name<input name="name" required maxLength={200} /></label>
          <label>Weeks<input name="durationWeeks" type="number" min={1} max={520} defaultValue="4" /></label>
          <label>Difficulty
            <select name="difficulty"><option value="">—</option>{LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}</select>
          </label>
          <label>Description<input name="description" maxLength={10000} /></label>
          <div class="row end" style={{ gridColumn: '1 / -1' }}><button type="submit" class="primary">Create program</button></div>
        </form>
      )}
      <ul class="list">
        {list.data?.items.map((p) => (
          <li key={p.id}>
            <a class="btn item" href={`#/programs/${p.id}`}>
              <span>{p.name}</span>
              <span class="small muted">{p.durationWeeks ? `${p.durationWeeks} weeks · ` : ''}{p.sessions.length} sessions</span>
            </a>
          </li>
        ))}
      </ul>
      {list.data?.items.length === 0 && <p class="muted">No programs yet.</p>}
    </section>
  );
}
