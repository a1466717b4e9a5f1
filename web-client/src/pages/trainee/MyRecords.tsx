import { RecordsList } from '../../components/RecordsTable';
import { useLoad } from '../../components/useLoad';
import type { TraineeRecords } from '../../lib/progress';
import type { Rest } from '../../lib/rest';

/** The trainee's own records between sessions: best e1RM and heaviest set per exercise. */
export function MyRecords({ api, traineeId }: { api: Rest; traineeId: string }) {
  const records = useLoad(() => api.get<TraineeRecords>(`/trainees/${traineeId}/records`), [traineeId]);
  if (!records.data || records.data.items.length === 0) return null;
  return (
    <section class="card stack" aria-labelledby="my-records-title" data-testid="my-records">
      <h2 id="my-records-title">Your records</h2>
      <RecordsList records={records.data} />
    </section>
  );
}
