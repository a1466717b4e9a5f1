import type { ReadonlySignal } from '@preact/signals';
import { Countdown } from '../../../components/Countdown';
import { CueBanner, useRestCue } from '../../../components/RestCue';
import { useRefocusAfter } from '../../../components/focus';
import type { ExerciseRecord, Send, Timer } from '../../../lib/protocol';

const NUDGE_SECONDS = 15;

/** The rest timer: large, ±15 s, pause/resume, skip; or a button to start one. */
export function TimerPanel({ timer, serverNow, exercise, send, disabled }: {
  timer: Timer | null;
  serverNow: ReadonlySignal<number>;
  exercise: ExerciseRecord | null;
  send: Send;
  disabled: boolean;
}) {
  const rest = exercise?.restBetweenSets && exercise.restBetweenSets > 0 ? exercise.restBetweenSets : 90;
  const cue = useRestCue(timer, serverNow, { tone: true });
  // Skip rest and Start rest replace each other: the keyboard's focus goes from one to the other.
  const refocus = useRefocusAfter<HTMLDivElement>(timer != null);
  return (
    <div class={`card timer-panel ${cue.phase.value}`} role="group" aria-label="Rest timer" ref={refocus.container}>
      <div class="row between">
        <h3>{timer?.label ?? 'Rest timer'}</h3>
        {timer && !timer.running && <span class="badge">paused</span>}
        <CueBanner cue={cue} class="badge" />
      </div>
      {timer ? (
        <>
          <div class="timer-big">
            <Countdown timer={timer} serverNow={serverNow} />
          </div>
          <div class="timer-buttons">
            <button type="button" disabled={disabled} onClick={() => send('adjust-timer', { deltaSeconds: -NUDGE_SECONDS })}>−15 s</button>
            <button type="button" disabled={disabled} onClick={() => send('adjust-timer', { deltaSeconds: NUDGE_SECONDS })}>+15 s</button>
            {timer.running ? (
              <button type="button" disabled={disabled} onClick={() => send('pause-timer', {})}>Pause</button>
            ) : (
              <button type="button" disabled={disabled} onClick={() => send('resume-timer', {})}>Resume</button>
            )}
            <button type="button" disabled={disabled} data-refocus onClick={() => { refocus.expect(); send('cancel-timer', {}); }}>Skip rest</button>
          </div>
        </>
      ) : (
        <button
          type="button"
          disabled={disabled}
          data-refocus
          onClick={() => {
            refocus.expect();
            send('start-timer', { durationSeconds: rest, label: 'Rest', ...(exercise ? { exerciseRecordId: exercise.id } : {}) });
          }}
        >
          Start {rest} s rest
        </button>
      )}
    </div>
  );
}
