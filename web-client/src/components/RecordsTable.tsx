import { formatDate, formatNumber } from '../lib/format';
import type { TraineeRecords } from '../lib/progress';
import type { PersonalRecord } from '../lib/protocol';

/** "3 × 120 kg", or "12 reps" for a set without load: the set that holds a record. */
function setOf(r: PersonalRecord): string {
  return r.weight > 0 ? `${formatNumber(r.reps)} × ${formatNumber(r.weight)} ${r.unit}` : `${formatNumber(r.reps)} reps`;
}

/** A record's value ("134.5 kg") above the set that set it and its date; a dash when none is held. */
function Held({ record }: { record: PersonalRecord | null }) {
  if (!record) return <span class="muted"><span aria-hidden="true">–</span><span class="sr-only">none</span></span>;
  return (
    <>
      <strong>{formatNumber(record.value)} {record.unit}</strong>
      <span class="small muted record-when">{setOf(record)} · {formatDate(record.date)}</span>
    </>
  );
}

/** The trainee page's records table: per exercise the best e1RM, the heaviest weight and the rep maxes, each dated. */
export function RecordsTable({ records }: { records: TraineeRecords }) {
  const { unit, items } = records;
  if (items.length === 0) return <p class="muted">No records yet: the first working set of an exercise sets its baseline.</p>;
  return (
    <div class="records-table" role="region" aria-label="Personal records" tabIndex={0}>
      <table>
        <caption class="sr-only">Personal records per exercise, in {unit}</caption>
        <thead>
          <tr><th scope="col">Exercise</th><th scope="col">Best e1RM</th><th scope="col">Heaviest</th><th scope="col">Rep maxes</th></tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.exerciseId ?? item.exerciseName}>
              <th scope="row">{item.exerciseName}</th>
              <td><Held record={item.e1rm} /></td>
              <td><Held record={item.weight} /></td>
              <td>
                <ul class="rep-maxes">
                  {item.repMaxes.map((m) => (
                    <li key={`${m.exerciseRecordId}|${m.setId}`}>
                      {setOf(m)} <span class="small muted">{formatDate(m.date)}</span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The phone's compact list: per exercise the best e1RM and the heaviest set, with their dates. */
export function RecordsList({ records }: { records: TraineeRecords }) {
  const { unit, items } = records;
  return (
    <ul class="records-list">
      {items.map((item) => (
        <li key={item.exerciseId ?? item.exerciseName}>
          <strong>{item.exerciseName}</strong>
          {item.e1rm && <span>e1RM {formatNumber(item.e1rm.value)} {unit} <span class="small muted">{formatDate(item.e1rm.date)}</span></span>}
          {item.weight && <span>Heaviest {setOf(item.weight)} <span class="small muted">{formatDate(item.weight.date)}</span></span>}
        </li>
      ))}
    </ul>
  );
}
