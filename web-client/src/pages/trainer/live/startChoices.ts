import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../../lib/rest';
import { api } from '../state';

export interface Named {
  id: string;
  name: string;
}
interface PlannedSession extends Named {
  traineeId: string | null;
  sessionTemplateId: string | null;
  weekNumber: number | null;
  sessionNumber: number | null;
}
interface Program extends Named {
  sessions: PlannedSession[];
}
/** A program session planned for one trainee, with its program's name. */
export interface Planned extends PlannedSession {
  program: string;
}

export interface StartChoices {
  trainees: Named[];
  templates: Named[];
  programs: Program[];
  loaded: boolean;
}

/** The trainees, templates and programs a session can start from, loaded once; `onError` hears a failure. */
export function useStartChoices(onError: (message: string) => void): StartChoices {
  const [choices, setChoices] = useState<StartChoices>({ trainees: [], templates: [], programs: [], loaded: false });
  useEffect(() => {
    Promise.all([
      api.get<{ items: Named[] }>('/trainees?limit=200'),
      api.get<{ items: Named[] }>('/session-templates?limit=200'),
      api.get<{ items: Program[] }>('/programs?limit=200'),
    ])
      .then(([t, s, p]) => setChoices({ trainees: t.items, templates: s.items, programs: p.items, loaded: true }))
      .catch((e: unknown) => onError(e instanceof ApiError ? e.full : String(e)));
  }, []);
  return choices;
}

export function plannedFor(programs: readonly Program[], traineeId: string): Planned[] {
  return programs.flatMap((p) => p.sessions.filter((s) => s.traineeId === traineeId).map((s) => ({ ...s, program: p.name })));
}

/**
 * The `POST /live-sessions` body from the start form: the workout select's value is
 * `template:<id>`, `planned:<id>` or empty for an empty session.
 */
export function startBody(form: FormData, traineeId: string): Record<string, string> {
  const [kind, id] = String(form.get('source') ?? '').split(':');
  const body: Record<string, string> = { traineeId };
  if (kind === 'template' && id) body.sessionTemplateId = id;
  if (kind === 'planned' && id) body.trainingSessionId = id;
  const location = String(form.get('location') ?? '').trim();
  if (location) body.location = location;
  return body;
}
