import { Countdown } from '../../components/Countdown';
import { PreviousPerformance } from '../../components/PreviousPerformance';
import { RecordFlash, RecordList, useSessionRecords } from '../../components/RecordFlash';
import { CueBanner, useRestCue } from '../../components/RestCue';
import { RpePicker } from '../../components/RpePicker';
import { SessionSummary } from '../../components/SessionSummary';
import { formatNumber } from '../../lib/format';
import type { Live } from '../../lib/liveSignals';
import { currentExercise, isDone, lastSet, nextExercise, progressText, setName, setText, targetText } from '../../lib/liveView';
import type { Rest } from '../../lib/rest';
import type { SessionView } from '../../lib/socket';
import { Feedback } from './Feedback';

/** The session on the phone: what to do now, the rest countdown, RPE in one tap, feedback at the end. */
export function LiveSessionView({ live, view, api }: { live: Live; view: SessionView; api: Rest }) {
  const state = view.state;
  const exercise = currentExercise(state);
  const next = nextExercise(state);
  const last = lastSet(exercise);
  const ended = state.record.status !== 'live';
  const cue = useRestCue(state.timer, live.serverNow, { tone: true, buzz: true });
  const records = useSessionRecords(live.socket, view.sessionId);
  const allDone = state.record.exercises.length > 0 && state.record.exercises.every(isDone);
  const sendRpe = (rpe: number) =>
    exercise && last && live.socket.command(view.sessionId, 'record-rpe', { exerciseRecordId: exercise.id, setId: last.id, rpe });

  if (ended) {
    return (
      <div data-testid="session-ended">
        <SessionSummary api={api} recordId={view.sessionId}
          heading={state.record.status === 'completed' ? 'Session complete. Well done!' : 'Session ended'} />
      </div>
    );
  }
  return (
    <section class="stack" aria-label="Your session">
      <CueBanner cue={cue} class="phone-cue" />
      <RecordFlash records={records.flash} variant="banner" />
      {state.timer && (
        <div class={`card rest ${cue.phase.value}`} aria-label="Rest">
          <span class="small muted">{state.timer.label ?? 'Rest'}</span>
          <Countdown timer={state.timer} serverNow={live.serverNow} class="phone-countdown" />
        </div>
      )}
      {exercise ? (
        <div class="card stack now">
          <span class="small muted">Now</span>
          <h1 data-testid="current-exercise" data-sets={exercise.sets.length}>{exercise.exerciseName}</h1>
          <div class="row between">
            <span class="badge num" data-testid="set-progress">{progressText(exercise)}</span>
            <span class="muted">{targetText(exercise)}</span>
          </div>
          {exercise.suggestedWeight != null && !isDone(exercise) && (
            <span class="small muted num" data-testid="suggested-weight">
              Suggested next set: {formatNumber(exercise.suggestedWeight)} {state.coaching?.unit ?? 'kg'}
            </span>
          )}
          {exercise.modificationNotes && <p class="small">{exercise.modificationNotes}</p>}
          {!last && <PreviousPerformance exercise={exercise} compact />}
          {last && (
            <div class="stack">
              <span class="small muted">Last set</span>
              <strong data-testid="last-set">{setName(exercise, last)}: {setText(last)}</strong>
              <span class="small muted">How hard was {setName(exercise, last).toLowerCase()}? (RPE)</span>
              <RpePicker value={last.rpe} onPick={sendRpe} />
            </div>
          )}
        </div>
      ) : (
        <div class="card"><h2>All exercises done</h2></div>
      )}
      {next && (
        <div class="card next">
          <span class="small muted">Next</span> <strong>{next.exerciseName}</strong> <span class="muted">{targetText(next)}</span>
        </div>
      )}
      <RecordList records={records.today} heading="Today's records" />
      <Feedback live={live} view={view} prominent={allDone || !exercise} />
    </section>
  );
}
