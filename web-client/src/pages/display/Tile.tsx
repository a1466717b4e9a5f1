import type { ReadonlySignal } from '@preact/signals';
import { Countdown } from '../../components/Countdown';
import { currentExercise, lastSet, progressShort, setText, targetText } from '../../lib/liveView';
import { firstName } from '../../lib/names';
import type { SessionView } from '../../lib/socket';

/** One session on the wall, readable from five metres: first name, exercise, set N/M, target, last set, countdown. */
export function Tile({ view, serverNow, dense }: { view: SessionView; serverNow: ReadonlySignal<number>; dense: boolean }) {
  const { state } = view;
  const exercise = currentExercise(state);
  const last = lastSet(exercise);
  return (
    <article class={`tile${dense ? ' dense' : ''}`} data-testid="tile" aria-label={firstName(state.trainee.name)}>
      <header class="tile-head">
        <h2 class="tile-name">{firstName(state.trainee.name)}</h2>
        {exercise && <span class="tile-sets num" data-testid="set-progress">{progressShort(exercise)}</span>}
      </header>
      <div class="tile-exercise" data-testid="current-exercise" data-sets={exercise?.sets.length ?? 0}>{exercise?.exerciseName ?? 'Between exercises'}</div>
      {exercise && <div class="tile-target">{targetText(exercise)}</div>}
      <div class="tile-last" data-testid="last-set">{last ? `Last: ${setText(last)}` : ' '}</div>
      <div class="tile-timer">{state.timer && <Countdown timer={state.timer} serverNow={serverNow} />}</div>
    </article>
  );
}
