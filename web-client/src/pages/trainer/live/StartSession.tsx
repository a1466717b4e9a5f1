import { useEffect, useState } from 'preact/hooks';
import { ProblemBanner } from '../../../components/ProblemBanner';
import type { Live } from '../../../lib/liveSignals';
import type { SessionRecord } from '../../../lib/protocol';
import { ApiError } from '../../../lib/rest';
import { api, go } from '../state';

interface Named {
  id: string;
  name: string;
}
interface PlannedSession extends Named {
  traineeId: string | null;
  sessionTemplateId: string | null;
  weekNumber: number | null;
  sessionNumber: number | null;
}
interface Program extends Named {
  sessions: PlannedSession[];
}

/** Start a live session: a trainee, and what they do — a template, or their next planned program session. */
export function StartSession({ live }: { live: Live }) {
  const [trainees, setTrainees] = useState<Named[]>([]);
  const [templates, setTemplates] = useState<Named[]>([]);
  const [programs, setPrograms] = useState<Program[]>([]);
  const [traineeId, setTraineeId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    Promise.all([
      api.get<{ items: Named[] }>('/trainees?limit=200'),
      api.get<{ items: Named[] }>('/session-templates?limit=200'),
      api.get<{ items: Program[] }>('/programs?limit=200'),
    ])
      .then(([t, s, p]) => {
        setTrainees(t.items);
        setTemplates(s.items);
        setPrograms(p.items);
        setTraineeId((id) => id || t.items[0]?.id || '');
      })
      .catch((e: unknown) => setProblem(e instanceof ApiError ? e.full : String(e)));
  }, []);

  const planned = programs.flatMap((p) =>
    p.sessions.filter((s) => s.traineeId === traineeId).map((s) => ({ ...s, program: p.name })),
  );

  async function start(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const source = String(form.get('source') ?? '');
    const [kind, id] = source.split(':');
    const body: Record<string, string> = { traineeId };
    if (kind === 'template' && id) body.sessionTemplateId = id;
    if (kind === 'planned' && id) body.trainingSessionId = id;
    const location = String(form.get('location') ?? '').trim();
    if (location) body.location = location;
    setBusy(true);
    try {
      const record = await api.post<SessionRecord>('/live-sessions', body);
      live.socket.follow(record.id);
      go(`live/${record.id}`);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.full : String(error));
    } finally {
      setBusy(false);
    }
  }

  if (trainees.length === 0 && !problem) {
    return (
      <div class="card stack narrow">
        <h2>Start a live session</h2>
        <p class="muted">Add a trainee first, then come back here.</p>
        <a class="btn primary" href="#/trainees">Add a trainee</a>
      </div>
    );
  }
  return (
    <form class="card stack start-session" onSubmit={start} aria-labelledby="start-title">
      <h2 id="start-title">Start a live session</h2>
      <ProblemBanner message={problem} onClose={() => setProblem(null)} />
      <label>
        Trainee
        <select name="trainee" value={traineeId} onChange={(e) => setTraineeId(e.currentTarget.value)} required>
          {trainees.map((t) => (
            <option key={t.id} value={t.id}>{t.name}</option>
          ))}
        </select>
      </label>
      <label>
        Workout
        <select name="source">
          {planned.length > 0 && (
            <optgroup label="Planned for this trainee">
              {planned.map((s) => (
                <option key={s.id} value={`planned:${s.id}`}>
                  {s.program}: {s.weekNumber ? `week ${s.weekNumber} ` : ''}{s.sessionNumber ? `#${s.sessionNumber} ` : ''}{s.name}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label="Templates">
            {templates.map((t) => (
              <option key={t.id} value={`template:${t.id}`}>{t.name}</option>
            ))}
          </optgroup>
          <option value="">Empty session (add exercises as you go)</option>
        </select>
      </label>
      <label>
        Location (optional; displays can be limited to one)
        <input name="location" maxLength={200} />
      </label>
      <button type="submit" class="primary big" disabled={busy || !traineeId}>
        Start session
      </button>
    </form>
  );
}
