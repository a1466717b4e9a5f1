import { ProblemBanner } from '../../../components/ProblemBanner';
import { ProgressChart } from '../../../components/ProgressChart';
import { RecordsTable } from '../../../components/RecordsTable';
import { useLoad } from '../../../components/useLoad';
import { useProgress } from '../../../components/useProgress';
import { VolumeGrid } from '../../../components/VolumeGrid';
import { formatDate, plural } from '../../../lib/format';
import type { TraineeRecords } from '../../../lib/progress';
import { api } from '../state';

const WEEKS = 12;

/** A trainee's progress per exercise (with a picker, most trained first), weekly sets per muscle and records. */
export function TraineeProgress({ traineeId }: { traineeId: string }) {
  const { exercises, volume, progress, items, exercise, choose: setChosen, shown } = useProgress(api, traineeId, WEEKS);
  const records = useLoad(() => api.get<TraineeRecords>(`/trainees/${traineeId}/records`), [traineeId]);

  return (
    <div class="progress-grid">
      <section class="card stack" aria-labelledby="progress-title">
        <div class="row between">
          <h2 id="progress-title">Progress</h2>
          {items.length > 0 && (
            <label class="inline">Exercise
              <select value={exercise?.exercise} onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value)}>
                {items.map((i) => (
                  <option key={i.exercise} value={i.exercise}>
                    {i.name} ({plural(i.sessions, 'session')}, last {formatDate(i.lastDate)})
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <ProblemBanner message={exercises.error ?? progress.error} />
        {exercises.data && items.length === 0 && (
          <p class="muted">No working sets recorded yet: the chart starts with the first completed session.</p>
        )}
        {exercise && shown && <ProgressChart name={exercise.name} progress={shown} />}
      </section>
      <section class="card stack" aria-labelledby="volume-title">
        <h2 id="volume-title">Weekly sets per muscle</h2>
        <p class="small muted">Working sets of the last {WEEKS} weeks; a secondary muscle counts half a set.</p>
        <ProblemBanner message={volume.error} />
        {volume.data && <VolumeGrid volume={volume.data} />}
      </section>
      <section class="card stack" aria-labelledby="records-title" data-testid="records">
        <h2 id="records-title">Records</h2>
        <p class="small muted">Working sets only; each with the set that holds it and its date.</p>
        <ProblemBanner message={records.error} />
        {records.data && <RecordsTable records={records.data} />}
      </section>
    </div>
  );
}
