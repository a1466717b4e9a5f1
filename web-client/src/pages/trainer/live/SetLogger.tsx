import { useEffect, useState } from 'preact/hooks';
import { Stepper } from '../../../components/Stepper';
import { formatNumber } from '../../../lib/format';
import { uuid } from '../../../lib/ids';
import { afterSet, plannedSet, workingSets } from '../../../lib/liveView';
import { isBarbell, plates } from '../../../lib/plates';
import type { ExerciseRecord, LiveState, Send, WeightUnit } from '../../../lib/protocol';

/**
 * One tap logs the set as planned (the suggested load, else the last working set's reps and weight,
 * else the targets); the steppers (or typing into them) change them first. Until the trainer changes
 * them, the values follow the plan as it changes (a recorded RPE moves the suggestion); why the
 * suggestion is what it is shows beside it. New sets are logged in the trainer's unit. The
 * rest timer starts when the set ends a round: after every working set, in a superset only after
 * its last exercise; never after a warm-up.
 */
export function SetLogger({ state, exercise, send, unit, increment }: {
  state: LiveState;
  exercise: ExerciseRecord;
  send: Send;
  unit: WeightUnit;
  increment: number;
}) {
  const planned = plannedSet(exercise, unit);
  const [values, setValues] = useState(planned);
  const [typed, setTyped] = useState(false);
  const [warmup, setWarmup] = useState(false);
  // After a warm-up the values stay: the next warm-up or the first working set starts from them.
  const working = workingSets(exercise).length;
  useEffect(() => {
    setTyped(false);
    setValues(plannedSet(exercise, unit));
  }, [working, unit]);
  useEffect(() => {
    if (!typed) setValues(planned);
  }, [planned.reps, planned.weight]);
  const change = (next: typeof values) => {
    setTyped(true);
    setValues(next);
  };
  const suggestion = exercise.suggestion;

  function log() {
    send('log-set', {
      exerciseRecordId: exercise.id,
      setId: uuid(),
      kind: warmup ? 'warmup' : 'working',
      reps: values.reps,
      weight: values.weight,
      unit: values.unit,
    });
    const rest = exercise.restBetweenSets ?? 0;
    if (rest > 0 && afterSet(state, exercise, warmup).roundEnds) {
      send('start-timer', { durationSeconds: rest, label: 'Rest', exerciseRecordId: exercise.id });
    }
  }

  const summary = [values.reps != null ? `${values.reps} reps` : null, values.weight != null ? `${formatNumber(values.weight)} ${values.unit}` : null]
    .filter(Boolean)
    .join(' × ');
  return (
    <div class="set-logger">
      <Stepper label="Reps" value={values.reps} step={1} max={1000} whole onChange={(reps) => change({ ...values, reps })} />
      <Stepper label="Weight" value={values.weight} step={increment} max={2000} unit={values.unit} onChange={(weight) => change({ ...values, weight })} />
      {suggestion && (
        <p class="suggestion small" data-testid="suggestion">
          <span>
            Suggested <strong class="num">{formatNumber(suggestion.weight)} {unit}</strong>
            <span class="muted num"> · e1RM {formatNumber(suggestion.e1rm)} × {formatNumber(Math.round(suggestion.percent))} %</span>
            <span class="muted"> ({suggestion.source === 'today' ? 'today' : 'last session'})</span>
          </span>
          {values.weight !== suggestion.weight && (
            <button type="button" class="ghost" onClick={() => { setTyped(false); setValues({ ...values, weight: suggestion.weight }); }}>
              Use
            </button>
          )}
        </p>
      )}
      <div class="logger-extras">
        <button type="button" class="warmup-toggle" aria-pressed={warmup} onClick={() => setWarmup(!warmup)} data-testid="warmup-toggle">
          Warm-up
        </button>
        {values.weight != null && isBarbell(exercise) && <PlateMath weight={values.weight} unit={values.unit} />}
      </div>
      <button type="button" class={`primary big log-set${warmup ? ' warmup' : ''}`} onClick={log} data-testid="log-set">
        {warmup ? 'Log warm-up' : 'Log set'}{summary ? ` · ${summary}` : ''}
      </button>
    </div>
  );
}

/** "Per side 25 + 10 + 2.5 · 20 kg bar", or why the weight cannot be loaded exactly. */
function PlateMath({ weight, unit }: { weight: number; unit: WeightUnit }) {
  const load = plates(weight, unit);
  const side = load.perSide.map(formatNumber).join(' + ');
  let text: string;
  if (weight < load.bar) text = `Below the ${formatNumber(load.bar)} ${unit} bar`;
  else if (!load.exact) text = `${formatNumber(weight)} ${unit} can’t be loaded exactly: closest ${formatNumber(load.loaded)} ${unit}${side ? ` (${side} per side)` : ''}`;
  else if (!side) text = `Empty ${formatNumber(load.bar)} ${unit} bar`;
  else text = `Per side ${side} · ${formatNumber(load.bar)} ${unit} bar`;
  return (
    <p class={`plates small${load.exact ? '' : ' inexact'}`} data-testid="plates" aria-live="polite">
      {text}
    </p>
  );
}
