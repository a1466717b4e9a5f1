import { useEffect, useState } from 'preact/hooks';
import { Stepper } from '../../../components/Stepper';
import { uuid } from '../../../lib/ids';
import { formatNumber } from '../../../lib/format';
import { plannedSet } from '../../../lib/liveView';
import type { ExerciseRecord } from '../../../lib/protocol';
import type { Send } from './LiveControl';

/**
 * One tap logs the set as planned (the last set's reps and weight, else the targets); the steppers
 * change them first when needed. The rest timer starts with the exercise's rest time.
 */
export function SetLogger({ exercise, send }: { exercise: ExerciseRecord; send: Send }) {
  const [values, setValues] = useState(() => plannedSet(exercise));
  useEffect(() => setValues(plannedSet(exercise)), [exercise.sets.length]);

  function log() {
    send('log-set', {
      exerciseRecordId: exercise.id,
      setId: uuid(),
      kind: 'working',
      reps: values.reps,
      weight: values.weight,
      unit: values.unit,
    });
    if (exercise.restBetweenSets && exercise.restBetweenSets > 0) {
      send('start-timer', { durationSeconds: exercise.restBetweenSets, label: 'Rest', exerciseRecordId: exercise.id });
    }
  }

  const summary = [values.reps != null ? `${values.reps} reps` : null, values.weight != null ? `${formatNumber(values.weight)} ${values.unit}` : null]
    .filter(Boolean)
    .join(' × ');
  return (
    <div class="set-logger">
      <Stepper label="Reps" value={values.reps} step={1} onChange={(reps) => setValues({ ...values, reps })} />
      <Stepper label="Weight" value={values.weight} step={2.5} unit={values.unit} onChange={(weight) => setValues({ ...values, weight })} />
      <button type="button" class="primary big log-set" onClick={log} data-testid="log-set">
        Log set{summary ? ` · ${summary}` : ''}
      </button>
    </div>
  );
}
