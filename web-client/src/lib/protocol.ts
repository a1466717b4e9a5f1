/**
 * The live protocol's messages and the session state they carry (CONTRACT.md "Live protocol";
 * payload shapes as the server's live engine builds them). Times are epoch milliseconds, except the
 * REST record inside the state, whose times are ISO-8601 strings.
 */

export type Role = 'trainer' | 'trainee' | 'display';
export type Device = 'trainer-tablet' | 'trainee-phone' | 'wall-display' | 'other';
export type SetKind = 'warmup' | 'working' | 'drop' | 'failure';
export type WeightUnit = 'kg' | 'lb';
export type RecordStatus = 'scheduled' | 'live' | 'completed' | 'abandoned';

export interface Actor {
  role: string;
  id: string | null;
}

/** What a set says, as a command sends it and as a set carries it. */
export interface SetFields {
  kind?: SetKind;
  reps?: number | null;
  weight?: number | null;
  unit?: WeightUnit;
  rpe?: number | null;
  rir?: number | null;
  durationSeconds?: number | null;
  distanceMeters?: number | null;
  notes?: string | null;
}

/** A logged set: its fields, plus what the server decided. */
export interface WorkSet extends SetFields {
  id: string;
  number: number;
  completedAt?: string;
  loggedBy?: Actor;
}

export interface ExerciseRecord {
  id: string;
  sessionRecordId: string;
  exerciseTemplateId: string | null;
  exerciseName: string;
  /** The library or custom exercise this is (GET /exercises); null: a free name. */
  exerciseId?: string | null;
  exerciseDescription: string | null;
  category: string | null;
  muscleGroups: string[];
  difficulty: string | null;
  equipment: string[];
  orderIndex: number;
  targetSets: number | null;
  targetReps: number | null;
  targetWeight: number | null;
  /** The RPE the working sets aim at (6–10 in halves); with targetReps it sets the suggested load. */
  targetRpe?: number | null;
  restBetweenSets: number | null;
  /** Superset label: consecutive exercises with one label are done in rounds (absent for displays). */
  supersetGroup?: string | null;
  sets: WorkSet[];
  notes: string | null;
  perceivedExertion: number | null;
  formRating: number | null;
  completed: boolean;
  skipped: boolean;
  skipReason: string | null;
  modificationNotes: string | null;
  startedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Snapshots only (trainer and trainee): the trainee's last completed session with this exercise. */
  previous?: PreviousPerformance | null;
  /** Snapshots only (trainer and trainee): the trainee's best set before this session, in the trainer's unit. */
  best?: BestSet | null;
  /** Trainer and trainee: the next working set's suggested load, in the trainer's unit (docs/coaching.md). */
  suggestedWeight?: number | null;
  suggestion?: Suggestion | null;
  /** Trainer only: the trainee's injuries this exercise works. */
  flags?: InjuryFlag[];
}

/** Why the suggested weight: `e1rm × percent %`, rounded down to the trainer's increment. */
export interface Suggestion {
  weight: number;
  e1rm: number;
  percent: number;
  source: 'today' | 'last-session';
}

export interface InjuryFlag {
  kind: 'injury';
  area: string;
  note: string | null;
}

/** The trainer's unit and load increment, which suggestions are in and round down to. */
export interface CoachingSettings {
  unit: WeightUnit;
  loadIncrement: number;
}

export interface PreviousPerformance {
  date: string;
  sets: WorkSet[];
}

export interface BestSet {
  e1rm: number | null;
  weight: number | null;
  reps: number | null;
  rpe: number | null;
  date: string;
  unit: WeightUnit;
}

/** A personal record a set set (docs/coaching.md, Records): value and previous in `unit`, a count for reps. */
export interface PersonalRecord {
  kind: 'e1rm' | 'weight' | 'reps';
  value: number;
  previous: number | null;
  unit: WeightUnit;
  exerciseRecordId: string;
  exerciseName: string;
  setId: string;
  reps: number;
  weight: number;
  e1rm: number | null;
  date: string;
}

/** `GET /session-records/{id}/summary`; see docs/coaching.md. */
export interface SessionSummary {
  durationSeconds: number | null;
  exercises: number;
  workingSets: number;
  volume: number;
  unit: WeightUnit;
  averageRpe: number | null;
  records: PersonalRecord[];
  bestSets: {
    exerciseRecordId: string;
    exerciseName: string;
    setId: string;
    reps: number | null;
    weight: number | null;
    rpe: number | null;
    e1rm: number | null;
    unit: WeightUnit;
  }[];
}

export interface SessionRecord {
  id: string;
  trainingSessionId: string | null;
  traineeId: string;
  trainerId: string;
  sessionDate: string;
  startTime: string | null;
  endTime: string | null;
  location: string | null;
  completed: boolean;
  isLive: boolean;
  status: RecordStatus;
  liveSeq: number;
  trainerNotes?: string | null;
  traineeFeedback?: Record<string, unknown> | null;
  sessionMetadata?: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  exercises: ExerciseRecord[];
}

/** Server-authoritative: a running timer has `endsAt`, a paused one `pausedRemainingMs`. */
export interface Timer {
  id: string;
  label: string | null;
  exerciseRecordId: string | null;
  durationSeconds: number;
  startedAt: number;
  endsAt: number | null;
  pausedRemainingMs: number | null;
  running: boolean;
}

export interface PresenceDevice {
  connectionId: string;
  role: Role;
  device: Device;
  since: number;
  seenAt?: number;
}

/** A snapshot's `state`. */
export interface LiveState {
  record: SessionRecord;
  trainee: { id: string; name: string };
  currentExerciseRecordId: string | null;
  timer: Timer | null;
  presence: PresenceDevice[];
  /** Trainer and trainee: what the reducer recomputes suggestions with. */
  coaching?: CoachingSettings;
}

// ------------------------------------------------------------------ events

export interface EventPayloads {
  /** `flags`: the trainer's copy only. */
  'exercise-started': { exerciseRecordId: string; startedAt: string; currentExerciseRecordId: string; flags?: InjuryFlag[] };
  'set-logged': { exerciseRecordId: string; set: WorkSet; currentExerciseRecordId: string; records?: PersonalRecord[] };
  'set-updated': { exerciseRecordId: string; set: WorkSet; records?: PersonalRecord[] };
  'set-deleted': { exerciseRecordId: string; setId: string };
  'rpe-recorded': { exerciseRecordId: string; setId: string; rpe: number; set: WorkSet };
  'form-rated': { exerciseRecordId: string; formRating: number };
  'exercise-completed': { exerciseRecordId: string; perceivedExertion: number | null; completedAt: string };
  'exercise-skipped': { exerciseRecordId: string; reason: string | null; completedAt: string };
  'exercise-added': { exerciseRecordId: string; afterExerciseRecordId: string | null; exercise: ExerciseRecord };
  'exercise-modified': {
    exerciseRecordId: string;
    exerciseName: string;
    targetSets: number | null;
    targetReps: number | null;
    targetWeight: number | null;
    targetRpe: number | null;
    restBetweenSets: number | null;
    supersetGroup?: string | null;
    modificationNotes: string | null;
  };
  'timer-started': { timer: Timer };
  'timer-adjusted': { timer: Timer; deltaSeconds: number };
  'timer-paused': { timer: Timer };
  'timer-resumed': { timer: Timer };
  'timer-cancelled': { timer: null; timerId: string };
  'timer-finished': { timer: Timer; timerId: string };
  /** `text` and `trainerNotes` only reach the trainer. */
  'note-added': { text?: string; trainerNotes?: string };
  /** Not shown to displays. */
  'feedback-submitted': { feedback?: Record<string, unknown>; traineeFeedback?: Record<string, unknown> };
  'session-ended': { status: 'completed' | 'abandoned'; endTime: string };
}

export type EventName = keyof EventPayloads;

export type LiveEvent = {
  [N in EventName]: {
    type: 'event';
    sessionId: string;
    seq: number;
    name: N;
    payload: EventPayloads[N];
    serverTime: number;
    actor: Actor;
  };
}[EventName];

// ------------------------------------------------------------------ commands


export interface CommandPayloads {
  'start-exercise': { exerciseRecordId: string };
  'log-set': { exerciseRecordId: string; setId: string } & SetFields;
  'update-set': { exerciseRecordId: string; setId: string } & SetFields;
  'delete-set': { exerciseRecordId: string; setId: string };
  'record-rpe': { exerciseRecordId: string; setId: string; rpe: number };
  'rate-form': { exerciseRecordId: string; formRating: number };
  'complete-exercise': { exerciseRecordId: string; perceivedExertion?: number };
  'skip-exercise': { exerciseRecordId: string; reason?: string };
  'add-exercise': {
    exerciseRecordId: string;
    exerciseName: string;
    exerciseId?: string;
    targetSets?: number;
    targetReps?: number;
    targetWeight?: number;
    targetRpe?: number;
    restBetweenSets?: number;
    supersetGroup?: string;
    afterExerciseRecordId?: string;
  };
  'modify-exercise': {
    exerciseRecordId: string;
    modificationNotes: string;
    exerciseName?: string;
    targetSets?: number | null;
    targetReps?: number | null;
    targetWeight?: number | null;
    targetRpe?: number | null;
    restBetweenSets?: number | null;
    supersetGroup?: string | null;
  };
  'start-timer': { durationSeconds: number; label?: string; exerciseRecordId?: string };
  'adjust-timer': { deltaSeconds: number };
  'pause-timer': Record<string, never>;
  'resume-timer': Record<string, never>;
  'cancel-timer': Record<string, never>;
  'add-note': { text: string };
  'submit-feedback': Record<string, unknown>;
  'end-session': { status: 'completed' | 'abandoned' };
}

export type CommandName = keyof CommandPayloads;

/** Sends one command of a session (queued, so it also works offline): what a screen's controls are given. */
export type Send = <N extends CommandName>(name: N, payload: CommandPayloads[N]) => void;

export interface CommandMessage<N extends CommandName = CommandName> {
  type: 'command';
  sessionId: string;
  commandId: string;
  name: N;
  payload: CommandPayloads[N];
}

export type RejectionCode =
  | 'invalid'
  | 'forbidden'
  | 'conflict'
  | 'not-found'
  | 'rate-limited'
  | 'unavailable'
  | 'session-ended';

export interface FieldError {
  field: string;
  message: string;
}

// ------------------------------------------------------------------ wire messages

export type ClientMessage =
  | { type: 'hello'; token: string; device: Device }
  | { type: 'subscribe'; sessionId: string; afterSeq?: number }
  | { type: 'subscribe-display' }
  | { type: 'subscribe-own' }
  | { type: 'unsubscribe'; sessionId: string }
  | { type: 'ping'; clientTime: number }
  | CommandMessage;

export type ServerMessage =
  | { type: 'welcome'; connectionId: string; role: Role; serverTime: number; heartbeatMs: number }
  | { type: 'snapshot'; sessionId: string; seq: number; state: LiveState }
  | { type: 'subscribed'; sessionId: string; seq: number; recovered: boolean }
  | LiveEvent
  | { type: 'ack'; commandId: string; seq: number }
  | { type: 'rejected'; commandId: string | null; code: RejectionCode; message: string; errors?: FieldError[] }
  | { type: 'error'; code: string; message?: string; sessionId?: string }
  | { type: 'presence'; sessionId: string; devices: PresenceDevice[] }
  | { type: 'pong'; clientTime: number; serverTime: number }
  | { type: 'reconnect'; reason: string };

/** An entry of the exercise library (`custom` false, read-only) or one of the trainer's own (GET /exercises). */
export interface Exercise {
  id: string;
  name: string;
  category: string;
  equipment: string | null;
  level: string | null;
  force: string | null;
  mechanic: string | null;
  primaryMuscles: string[];
  secondaryMuscles: string[];
  custom: boolean;
  version: number;
}

/** The library's value sets, which custom exercises and search filters take (docs/openapi.yaml). */
export const EXERCISE_CATEGORIES = ['strength', 'stretching', 'plyometrics', 'powerlifting', 'olympic weightlifting', 'strongman', 'cardio'] as const;
export const EQUIPMENT = ['barbell', 'dumbbell', 'body only', 'cable', 'machine', 'kettlebells', 'bands', 'medicine ball', 'exercise ball', 'foam roll', 'e-z curl bar', 'other'] as const;
export const MUSCLES = ['abdominals', 'abductors', 'adductors', 'biceps', 'calves', 'chest', 'forearms', 'glutes', 'hamstrings', 'lats', 'lower back', 'middle back', 'neck', 'quadriceps', 'shoulders', 'traps', 'triceps'] as const;
