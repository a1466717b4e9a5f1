import { ConfirmButton } from '../../../components/ConfirmButton';
import { ProblemBanner } from '../../../components/ProblemBanner';
import { describe, useLoad } from '../../../components/useLoad';
import { plural } from '../../../lib/format';
import { firstName } from '../../../lib/names';
import { api, go } from '../state';
import { formBody, type Page, type Program, type SessionTemplate, type Trainee, type TrainingSession } from './types';

/** A program as weeks × sessions: add a planned session (template, trainee), reassign or remove one. */
export function ProgramEditor({ id }: { id: string }) {
  const loaded = useLoad(() => Promise.all([
    api.get<Program>(`/programs/${id}`),
    api.get<Page<SessionTemplate>>('/session-templates?limit=200'),
    api.get<Page<Trainee>>('/trainees?limit=200'),
  ]), [id]);
  if (!loaded.data) return <ProblemBanner message={loaded.error} />;
  const [program, templates, trainees] = loaded.data;
  const weeks = Array.from({ length: Math.max(program.durationWeeks ?? 1, ...program.sessions.map((s) => s.weekNumber ?? 1)) }, (_, i) => i + 1);
  const nameOf = (list: { id: string; name: string }[], x: string | null) => list.find((i) => i.id === x)?.name ?? '—';

  async function act(call: () => Promise<unknown>) {
    try {
      await call();
      loaded.reload();
    } catch (error) {
      loaded.setError(describe(error));
    }
  }
  function add(e: Event) {
    e.preventDefault();
    const body = formBody(new FormData(e.currentTarget as HTMLFormElement),
      { name: 'text', weekNumber: 'number', sessionNumber: 'number', sessionTemplateId: 'text', traineeId: 'text' }, 'omit');
    void act(() => api.post(`/programs/${id}/sessions`, body));
  }
  /** The same plan for another trainee: its assigned sessions become theirs; opens the copy. */
  async function copy(e: Event) {
    e.preventDefault();
    const traineeId = String(new FormData(e.currentTarget as HTMLFormElement).get('traineeId'));
    const name = `${program.name} (${firstName(trainees.items.find((t) => t.id === traineeId)?.name ?? '')})`;
    try {
      const created = await api.post<Program>(`/programs/${id}/copy`, { traineeId, name: name.length <= 200 ? name : undefined });
      go(`programs/${created.id}`);
    } catch (error) {
      loaded.setError(describe(error));
    }
  }
  const assign = (s: TrainingSession, traineeId: string) =>
    act(() => api.patch(`/programs/${id}/sessions/${s.id}`, { traineeId: traineeId || null }));

  return (
    <section class="stack" aria-labelledby="program-title">
      <div class="row between">
        <h1 id="program-title">{program.name}</h1>
        <div class="row">
          <ConfirmButton label="Delete program" testId="delete-program"
            question={`Delete the program “${program.name}” and its ${plural(program.sessions.length, 'planned session')}? Sessions already recorded stay in the history.`}
            confirm="Delete program"
            onConfirm={() => api.delete(`/programs/${id}`).then(() => go('programs'), (e: unknown) => loaded.setError(describe(e)))} />
          <a class="btn" href="#/programs">All programs</a>
        </div>
      </div>
      <ProblemBanner message={loaded.error} onClose={() => loaded.setError(null)} />
      <form class="card row copy-program" onSubmit={copy} aria-label="Copy for another trainee">
        <label class="spacer">Copy this program for
          <select name="traineeId" required>
            <option value="">Choose a trainee</option>
            {trainees.items.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </label>
        <button type="submit">Copy program</button>
      </form>
      <div class="weeks">
        {weeks.map((w) => (
          <div key={w} class="card stack week">
            <h3>Week {w}</h3>
            {program.sessions.filter((s) => (s.weekNumber ?? 1) === w).map((s) => (
              <div key={s.id} class="stack planned">
                <strong>{s.sessionNumber ? `#${s.sessionNumber} ` : ''}{s.name}</strong>
                <span class="small muted">{nameOf(templates.items, s.sessionTemplateId)}</span>
                <label><span class="sr-only">Trainee of {s.name}</span>
                  <select value={s.traineeId ?? ''} onChange={(e) => void assign(s, e.currentTarget.value)}>
                    <option value="">Not assigned</option>
                    {trainees.items.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
                    {/* Beyond the first 200 trainees: shown as assigned, not as "Not assigned". */}
                    {s.traineeId && !trainees.items.some((t) => t.id === s.traineeId) && <option value={s.traineeId}>A trainee not listed here</option>}
                  </select>
                </label>
                <ConfirmButton label="Remove" class="ghost" question={`Remove “${s.name}” from week ${w}?`} confirm="Remove session"
                  onConfirm={() => void act(() => api.delete(`/programs/${id}/sessions/${s.id}`))} />
              </div>
            ))}
          </div>
        ))}
      </div>
      <form class="card grid-2" onSubmit={add} aria-label="New planned session">
        <label>Session name<input name="name" required maxLength={200} placeholder="Lower body A" /></label>
        <label>Week<input name="weekNumber" type="number" min={1} max={program.durationWeeks ?? 520} defaultValue="1" required /></label>
        <label>Number in the week<input name="sessionNumber" type="number" min={1} max={100} /></label>
        <label>Template
          <select name="sessionTemplateId"><option value="">—</option>{templates.items.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}</select>
        </label>
        <label>Trainee
          <select name="traineeId"><option value="">Not assigned</option>{trainees.items.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}</select>
        </label>
        <div class="row end"><button type="submit" class="primary">Add session</button></div>
      </form>
    </section>
  );
}
