import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Countdown } from '../../components/Countdown';
import { RecordFlash, useSessionRecords } from '../../components/RecordFlash';
import { useRestCue } from '../../components/RestCue';
import { currentExercise, lastSet, nextExercise, progressText, setProgress, setsComplete, setText, targetText } from '../../lib/liveView';
import type { ExerciseRecord } from '../../lib/protocol';
import { firstName } from '../../lib/names';
import type { LiveSocket, SessionView } from '../../lib/socket';

/** How long a newly logged set stays highlighted. */
const FRESH_MS = 1_500;

/**
 * One session on the wall, legible from across the gym: first name, exercise, "Set N of M" with a
 * dot per set, the last set, what comes next and, largest of all, the rest countdown (then "GO").
 * Every size follows the tile (container units), so one to eight tiles all read well. A personal
 * record takes the middle (exercise to next) for a few seconds.
 */
export function Tile({ view, serverNow, socket }: { view: SessionView; serverNow: ReadonlySignal<number>; socket: LiveSocket }) {
  const { state } = view;
  const exercise = currentExercise(state);
  const next = nextExercise(state);
  const last = lastSet(exercise);
  const fresh = useFresh(last?.id ?? null);
  const cue = useRestCue(state.timer, serverNow);
  const phase = cue.phase.value;
  const { flash } = useSessionRecords(socket, view.sessionId);
  return (
    <article class={`tile cue-${phase}`} data-testid="tile" data-phase={phase} aria-label={firstName(state.trainee.name)}>
      <h2 class="tile-name">{firstName(state.trainee.name)}</h2>
      {/* A record covers the middle for a while: whose it is and the rest countdown stay in view. */}
      <div class="tile-body">
        <div class="tile-exercise" data-testid="current-exercise" data-sets={exercise?.sets.length ?? 0}>{exercise?.exerciseName ?? 'Between exercises'}</div>
        {exercise ? <Progress exercise={exercise} fresh={fresh} /> : <div />}
        <div class={`tile-last${fresh ? ' fresh' : ''}`} data-testid="last-set">{last ? `Last: ${setText(last)}` : ' '}</div>
        <div class="tile-next">{next ? `Next: ${next.exerciseName}` : ' '}</div>
        <RecordFlash records={flash} variant="tile" />
      </div>
      <div class="tile-timer">
        {phase === 'go' ? (
          <span class="tile-go" data-testid="rest-cue" data-phase="go" role="status">GO</span>
        ) : state.timer ? (
          <>
            <Countdown timer={state.timer} serverNow={serverNow} />
            {phase === 'get-ready' && <span class="tile-ready" data-testid="rest-cue" data-phase="get-ready" role="status">Get ready</span>}
          </>
        ) : (
          exercise && <span class="tile-target">{targetText(exercise)}</span>
        )}
      </div>
    </article>
  );
}

/** "Set 2 of 4" and a dot per target set, the done ones filled. */
function Progress({ exercise, fresh }: { exercise: ExerciseRecord; fresh: boolean }) {
  const { number, of } = setProgress(exercise);
  const done = of === null ? 0 : setsComplete(exercise) ? of : number - 1;
  return (
    <div class="tile-progress">
      <span class="num" data-testid="set-progress">{progressText(exercise)}</span>
      {of !== null && (
        <span class="dots" aria-hidden="true">
          {Array.from({ length: of }, (_, i) => <span key={i} class={`set-dot${i < done ? ' done' : ''}${fresh && i === done - 1 ? ' fresh' : ''}`} />)}
        </span>
      )}
    </div>
  );
}

/** True for a moment after the last set changes to a new one (not when the tile first appears). */
function useFresh(lastSetId: string | null): boolean {
  const seen = useRef(lastSetId);
  const [fresh, setFresh] = useState(false);
  useEffect(() => {
    if (lastSetId === seen.current) return;
    seen.current = lastSetId;
    if (!lastSetId) return;
    setFresh(true);
    const timer = setTimeout(() => setFresh(false), FRESH_MS);
    return () => clearTimeout(timer);
  }, [lastSetId]);
  return fresh;
}
