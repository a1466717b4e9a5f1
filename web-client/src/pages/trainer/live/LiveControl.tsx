import { PreviousPerformance } from '../../../components/PreviousPerformance';
import { RecordFlash, useSessionRecords } from '../../../components/RecordFlash';
import type { Live } from '../../../lib/liveSignals';
import { currentExercise, nextExercise, progressText, supersetOf, targetText } from '../../../lib/liveView';
import type { Send } from '../../../lib/protocol';
import type { SessionView } from '../../../lib/socket';
import { loadIncrement, unit } from '../state';
import { ExerciseActions } from './ExerciseActions';
import { ExerciseList } from './ExerciseList';
import { InjuryBanner, InjuryWarning } from './InjuryFlags';
import { SessionHeader } from './SessionHeader';
import { SetLogger } from './SetLogger';
import { SetList } from './SetList';
import { TimerPanel } from './TimerPanel';

/**
 * The live control screen of one session: exercises, the current one with the set logger always in
 * view (above the sets, which grow), the rest timer, actions; beside them the exercises and what the
 * trainee did last time in the current one. On a 1024×768 tablet the core loop
 * (logger, last sets, rest timer, next exercise) fits without scrolling; the sets list scrolls
 * inside its card.
 */
export function LiveControl({ live, view }: { live: Live; view: SessionView }) {
  const state = view.state;
  const send: Send = (name, payload) => void live.socket.command(view.sessionId, name, payload);
  const exercise = currentExercise(state);
  const next = nextExercise(state);
  const ended = state.record.status !== 'live';
  const superset = exercise ? supersetOf(state, exercise) : null;
  const flagged = state.record.exercises.some((e) => (e.flags?.length ?? 0) > 0);
  const { flash } = useSessionRecords(live.socket, view.sessionId);

  return (
    <section class={`live-control${flagged ? ' flagged' : ''}`} aria-label={`Live session of ${state.trainee.name}`}>
      <SessionHeader live={live} view={view} send={send} />
      <InjuryBanner key={view.sessionId} state={state} />
      <RecordFlash records={flash} variant="banner" />
      <div class="list-column stack">
        <ExerciseList state={state} current={exercise} send={send} disabled={ended} />
        {exercise && <PreviousPerformance exercise={exercise} />}
      </div>
      <div class="current stack">
        {exercise ? (
          <>
            <div class="card stack">
              <div class="current-head">
                <h2 data-testid="current-exercise" data-sets={exercise.sets.length}>{exercise.exerciseName}</h2>
                {superset && (
                  <span class="badge superset num" data-testid="superset">
                    Superset {superset.label}: {superset.position}/{superset.members.length}
                  </span>
                )}
                <span class="badge num" data-testid="set-progress">{progressText(exercise)}</span>
              </div>
              <p class="muted small target-line">
                Target {targetText(exercise, unit.value) || '—'}
                {exercise.restBetweenSets ? ` · rest ${exercise.restBetweenSets} s` : ''}
                {superset ? ` · then ${superset.members[superset.position % superset.members.length]!.exerciseName}` : ''}
                {exercise.modificationNotes ? ` · ${exercise.modificationNotes}` : ''}
              </p>
              <InjuryWarning exercise={exercise} />
              {!ended && (
                <SetLogger key={exercise.id} state={state} exercise={exercise} send={send} unit={unit.value} increment={loadIncrement.value} />
              )}
            </div>
            <SetList state={state} exercise={exercise} pending={live.pending.value} send={send} disabled={ended} increment={loadIncrement.value} />
          </>
        ) : (
          <div class="card">
            <h2>No exercise left</h2>
            <p class="muted">Add one, or end the session.</p>
          </div>
        )}
      </div>
      <div class="side stack">
        <TimerPanel timer={state.timer} serverNow={live.serverNow} exercise={exercise} send={send} disabled={ended} />
        {!ended && <ExerciseActions exercise={exercise} next={next} send={send} />}
      </div>
    </section>
  );
}
