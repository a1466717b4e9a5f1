import { useState } from 'preact/hooks';
import { ProblemBanner } from '../../../components/ProblemBanner';
import { describe, useLoad } from '../../../components/useLoad';
import { api, go } from '../state';
import { TraineeDetail } from './TraineeDetail';
import { LEVELS, formBody, type Page, type Trainee } from './types';

/** Trainees: search, add, open one. */
export function TraineesPage({ id }: { id: string | null }) {
  if (id) return <TraineeDetail id={id} />;
  return <TraineeList />;
}

function TraineeList() {
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const [archived, setArchived] = useState(false);
  const list = useLoad(() => api.get<Page<Trainee>>(`/trainees?limit=200&archived=${archived}${q ? `&q=${encodeURIComponent(q)}` : ''}`), [q, archived]);

  async function add(e: Event) {
    e.preventDefault();
    const body = formBody(new FormData(e.currentTarget as HTMLFormElement), { name: 'text', email: 'text', phone: 'text', fitnessLevel: 'text' }, 'omit');
    try {
      const created = await api.post<Trainee>('/trainees', body);
      go(`trainees/${created.id}`);
    } catch (error) {
      list.setError(describe(error));
    }
  }

  return (
    <section class="stack" aria-labelledby="trainees-title">
      <div class="row between">
        <h1 id="trainees-title">Trainees</h1>
        <button type="button" class="primary" onClick={() => setAdding(!adding)} aria-expanded={adding}>+ New trainee</button>
      </div>
      <ProblemBanner message={list.error} onClose={() => list.setError(null)} />
      {adding && (
        <form class="card grid-2" onSubmit={add} aria-label="New trainee">
          <label>Name<input name="name" required maxLength={200} /></label>
          <label>Email<input name="email" type="email" /></label>
          <label>Phone<input name="phone" type="tel" maxLength={50} /></label>
          <label>
            Fitness level
            <select name="fitnessLevel">
              <option value="">—</option>
              {LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
            </select>
          </label>
          <div class="row end" style={{ gridColumn: '1 / -1' }}>
            <button type="submit" class="primary">Add trainee</button>
          </div>
        </form>
      )}
      <div class="row">
        <label class="spacer">
          <span class="sr-only">Search trainees</span>
          <input type="search" placeholder="Search by name or email" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        </label>
        <label class="row check">
          <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
          Archived only
        </label>
      </div>
      <ul class="list">
        {list.data?.items.map((t) => (
          <li key={t.id}>
            <a class="btn item" href={`#/trainees/${t.id}`}>
              <span>{t.name}</span>
              <span class="small muted">{[t.fitnessLevel, t.email].filter(Boolean).join(' · ')}</span>
            </a>
          </li>
        ))}
      </ul>
      {list.data && list.data.items.length === 0 && (
        <p class="muted">{q ? 'Nobody matches.' : archived ? 'No archived trainees.' : 'No trainees yet: add your first one.'}</p>
      )}
    </section>
  );
}
