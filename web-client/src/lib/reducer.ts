import { withSuggestion } from './coaching';
import type { EventName, EventPayloads, ExerciseRecord, LiveEvent, LiveState, WorkSet } from './protocol';

/**
 * The live state after one event: pure, no clock, no I/O, so every screen and the tests run the same
 * code. It mirrors what the server writes for each event: the record's `liveSeq` becomes the event's
 * seq and its `version` moves on (every event saves the session row); an exercise record it changes
 * moves on its own `version`. `updatedAt` (the database's clock) is the one field no event carries.
 * An exercise an event changes gets its suggested load recomputed (lib/coaching.ts), as the next
 * snapshot would carry it.
 */
export function reduce(state: LiveState, event: LiveEvent): LiveState {
  const next = apply(state, event);
  return { ...next, record: { ...next.record, liveSeq: event.seq, version: state.record.version + 1 } };
}

/** Folds events in order (a catch-up, a recorded sequence). */
export function reduceAll(state: LiveState, events: readonly LiveEvent[]): LiveState {
  return events.reduce(reduce, state);
}

type Handler<N extends EventName> = (state: LiveState, payload: EventPayloads[N]) => LiveState;
type Handlers = { [N in EventName]: Handler<N> };

const handlers: Handlers = {
  // Only the trainer's copy carries the injury flags.
  'exercise-started': (s, p) =>
    withCurrent(
      changeExercise(s, p.exerciseRecordId, (e) => ({ ...e, startedAt: p.startedAt, ...(p.flags ? { flags: p.flags } : {}) })),
      p.currentExerciseRecordId,
    ),

  // Logging on an exercise not yet started starts it, at the set's time.
  'set-logged': (s, p) =>
    withCurrent(
      changeExercise(s, p.exerciseRecordId, (e) => ({
        ...e,
        sets: [...e.sets, p.set],
        startedAt: e.startedAt ?? isoMillis(p.set.completedAt),
      })),
      p.currentExerciseRecordId,
    ),

  'set-updated': (s, p) => changeExercise(s, p.exerciseRecordId, (e) => replaceSet(e, p.set)),
  'rpe-recorded': (s, p) => changeExercise(s, p.exerciseRecordId, (e) => replaceSet(e, p.set)),

  'set-deleted': (s, p) =>
    changeExercise(s, p.exerciseRecordId, (e) => ({
      ...e,
      sets: e.sets.filter((set) => set.id !== p.setId).map((set, i) => ({ ...set, number: i + 1 })),
    })),

  'form-rated': (s, p) => changeExercise(s, p.exerciseRecordId, (e) => ({ ...e, formRating: p.formRating })),

  'exercise-completed': (s, p) =>
    changeExercise(s, p.exerciseRecordId, (e) => ({
      ...e,
      completed: true,
      skipped: false,
      completedAt: p.completedAt,
      perceivedExertion: p.perceivedExertion ?? e.perceivedExertion,
    })),

  'exercise-skipped': (s, p) =>
    changeExercise(s, p.exerciseRecordId, (e) => ({
      ...e,
      skipped: true,
      completed: false,
      completedAt: p.completedAt,
      skipReason: p.reason,
    })),

  // Inserted after another: the server shifts those at and after its place down one (versions unchanged).
  'exercise-added': (s, p) => {
    const at = p.exercise.orderIndex;
    const shifted = s.record.exercises.map((e) =>
      p.afterExerciseRecordId != null && e.orderIndex >= at ? { ...e, orderIndex: e.orderIndex + 1 } : e,
    );
    return { ...s, record: { ...s.record, exercises: inOrder([...shifted, withSuggestion(p.exercise, s.coaching)]) } };
  },

  'exercise-modified': (s, p) =>
    changeExercise(s, p.exerciseRecordId, (e) => ({
      ...e,
      exerciseName: p.exerciseName,
      targetSets: p.targetSets,
      targetReps: p.targetReps,
      targetWeight: p.targetWeight,
      targetRpe: p.targetRpe,
      restBetweenSets: p.restBetweenSets,
      // A display's copy carries no label: it keeps what it had.
      supersetGroup: p.supersetGroup === undefined ? e.supersetGroup : p.supersetGroup,
      modificationNotes: p.modificationNotes,
    })),

  'timer-started': (s, p) => ({ ...s, timer: p.timer }),
  'timer-adjusted': (s, p) => ({ ...s, timer: p.timer }),
  'timer-paused': (s, p) => ({ ...s, timer: p.timer }),
  'timer-resumed': (s, p) => ({ ...s, timer: p.timer }),
  'timer-cancelled': (s) => ({ ...s, timer: null }),
  // The payload shows the timer as it finished; the session no longer has one.
  'timer-finished': (s) => ({ ...s, timer: null }),

  // Only the trainer's copy carries the notes; other roles see that a note was added, nothing more.
  'note-added': (s, p) => (p.trainerNotes === undefined ? s : { ...s, record: { ...s.record, trainerNotes: p.trainerNotes } }),

  'feedback-submitted': (s, p) =>
    p.traineeFeedback === undefined ? s : { ...s, record: { ...s.record, traineeFeedback: p.traineeFeedback } },

  'session-ended': (s, p) => ({
    ...s,
    timer: null,
    record: {
      ...s.record,
      status: p.status,
      endTime: isoMillis(p.endTime),
      isLive: false,
      completed: p.status === 'completed',
    },
  }),
};

function apply(state: LiveState, event: LiveEvent): LiveState {
  const handler = handlers[event.name] as Handler<EventName> | undefined;
  // An event this client does not know yet still moves seq and version on (the server may be newer).
  return handler ? handler(state, event.payload) : state;
}

function changeExercise(state: LiveState, id: string, change: (e: ExerciseRecord) => ExerciseRecord): LiveState {
  const exercises = state.record.exercises.map((e) =>
    e.id === id ? { ...withSuggestion(change(e), state.coaching), version: e.version + 1 } : e,
  );
  return { ...state, record: { ...state.record, exercises } };
}

function withCurrent(state: LiveState, currentExerciseRecordId: string): LiveState {
  return { ...state, currentExerciseRecordId };
}

function replaceSet(exercise: ExerciseRecord, set: WorkSet): ExerciseRecord {
  return { ...exercise, sets: exercise.sets.map((s) => (s.id === set.id ? set : s)) };
}

/** The server's order: orderIndex, then id. */
function inOrder(exercises: ExerciseRecord[]): ExerciseRecord[] {
  return exercises.sort((a, b) => a.orderIndex - b.orderIndex || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** An instant as the record stores it: always with milliseconds (`…:03.000Z`), as the database writes it. */
function isoMillis(instant: string | undefined): string | null {
  return instant ? new Date(instant).toISOString() : null;
}
