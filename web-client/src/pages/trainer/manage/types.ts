/** REST shapes the management pages use (docs/openapi.yaml). */
export interface Goal {
  text: string;
  targetDate?: string;
}
export interface Injury {
  area: string;
  note?: string;
  since?: string;
  /** The library's muscle names it spares; absent, the server derives them from `area` (docs/coaching.md). */
  muscles?: string[];
  /** Healed: flags nothing any more; removed to restore the injury. */
  resolvedAt?: string;
}
export interface Measurement {
  measuredAt: string;
  weight?: number;
  bodyFatPercentage?: number;
  restingHeartRate?: number;
  height?: number;
  /** Circumferences in cm by body site. */
  girths?: Record<string, number>;
}
export interface Trainee {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  dateOfBirth: string | null;
  gender: string | null;
  address: string | null;
  emergencyContact: string | null;
  height: number | null;
  currentWeight: number | null;
  bodyFatPercentage: number | null;
  restingHeartRate: number | null;
  fitnessLevel: string | null;
  goals: Goal[];
  injuries: Injury[];
  medicalNotes: string | null;
  measurementHistory: Measurement[];
  archivedAt: string | null;
  version: number;
}
export interface ExerciseTemplate {
  id: string;
  exerciseName: string;
  exerciseId?: string | null;
  orderIndex: number;
  targetSets: number | null;
  targetReps: number | null;
  targetWeight: number | null;
  targetRpe?: number | null;
  restBetweenSets: number | null;
  supersetGroup?: string | null;
  notes: string | null;
}
export interface SessionTemplate {
  id: string;
  name: string;
  description: string | null;
  category: string | null;
  difficulty: string | null;
  durationMinutes: number | null;
  exercises: ExerciseTemplate[];
}
export interface TrainingSession {
  id: string;
  name: string;
  sessionTemplateId: string | null;
  traineeId: string | null;
  weekNumber: number | null;
  sessionNumber: number | null;
}
export interface Program {
  id: string;
  name: string;
  description: string | null;
  difficulty: string | null;
  durationWeeks: number | null;
  sessions: TrainingSession[];
}
/** A record's headline numbers, as `GET /session-records` gives each (its summary's; warm-ups left out). */
export interface RecordStats {
  durationSeconds: number | null;
  exercises: number;
  workingSets: number;
  volume: number;
  /** The trainer's unit, which `volume` is in. */
  unit: 'kg' | 'lb';
  averageRpe: number | null;
  formRating: number | null;
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export const LEVELS = ['beginner', 'intermediate', 'advanced', 'athlete'] as const;
export const GENDERS = ['female', 'male', 'other', 'unspecified'] as const;

/** Form values → a JSON body: empty text is left out (create) or sent as null (update). */
export function formBody(form: FormData, fields: Record<string, 'text' | 'number'>, emptyAs: 'omit' | 'null'): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(fields)) {
    if (!form.has(name)) continue;
    const raw = String(form.get(name)).trim();
    if (raw === '') {
      if (emptyAs === 'null') body[name] = null;
    } else {
      body[name] = kind === 'number' ? Number(raw) : raw;
    }
  }
  return body;
}
