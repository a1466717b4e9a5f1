import { useState } from 'preact/hooks';
import { ProblemBanner } from '../../../components/ProblemBanner';
import type { Live } from '../../../lib/liveSignals';
import type { SessionRecord } from '../../../lib/protocol';
import { ApiError } from '../../../lib/rest';
import { api, go } from '../state';
import { plannedFor, startBody, useStartChoices } from './startChoices';
import { WorkoutSelect } from './WorkoutSelect';

/** Start a live session: a trainee, and what they do — a template, or their next planned program session. */
export function StartSession({ live }: { live: Live }) {
  const [problem, setProblem] = useState<string | null>(null);
  const { trainees, templates, programs, loaded } = useStartChoices(setProblem);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const traineeId = chosen || trainees[0]?.id || '';

  async function start(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      const record = await api.post<SessionRecord>('/live-sessions', startBody(new FormData(e.currentTarget as HTMLFormElement), traineeId));
      live.socket.follow(record.id);
      go(`live/${record.id}`);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.full : String(error));
    } finally {
      setBusy(false);
    }
  }

  if (trainees.length === 0 && !problem) return loaded ? <NoTraineeYet /> : null;
  return (
    <form class="card stack start-session" onSubmit={start} aria-labelledby="start-title">
      <h2 id="start-title">Start a live session</h2>
      <ProblemBanner message={problem} onClose={() => setProblem(null)} />
      <label>
        Trainee
        <select name="trainee" value={traineeId} onChange={(e) => setChosen(e.currentTarget.value)} required>
          {trainees.map((t) => (
            <option key={t.id} value={t.id}>{t.name}</option>
          ))}
        </select>
      </label>
      <WorkoutSelect planned={plannedFor(programs, traineeId)} templates={templates} />
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

function NoTraineeYet() {
  return (
    <div class="card stack narrow">
      <h2>Start a live session</h2>
      <p class="muted">Add a trainee first, then come back here.</p>
      <a class="btn primary" href="#/trainees">Add a trainee</a>
    </div>
  );
}
