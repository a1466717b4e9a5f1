import { useMemo, useState } from 'preact/hooks';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ProblemBanner } from '../../../components/ProblemBanner';
import { describe, useLoad } from '../../../components/useLoad';
import { lengthCm, lengthUnit, shownLength } from '../../../lib/bodyUnits';
import { choices, formDraft, sameJson } from '../../../lib/formDraft';
import { formatDate } from '../../../lib/format';
import { api, go, unit } from '../state';
import { AccessLinks } from './AccessLinks';
import { ListEditor } from './ListEditor';
import { Measurements } from './Measurements';
import { TraineeProgress } from './TraineeProgress';
import { GENDERS, LEVELS, type Goal, type Injury, type Trainee } from './types';

const FIELDS = {
  name: 'text', email: 'text', phone: 'text', dateOfBirth: 'date', gender: 'choice', address: 'text',
  emergencyContact: 'text', height: 'number', fitnessLevel: 'choice', medicalNotes: 'text',
} as const;

/** One trainee: profile, goals, injuries, medical notes, measurements, phone access, history. */
export function TraineeDetail({ id }: { id: string }) {
  const loaded = useLoad(() => api.call<Trainee>('GET', `/trainees/${id}`), [id]);
  // Here, not in the form: a successful save re-creates the form from the saved trainee.
  const [status, setStatus] = useState<string | null>(null);
  // The form is re-created from the trainee after its own save only, not when a new measurement
  // reloads the trainee (that changes no field of this form), so what the trainer typed survives.
  const [saves, setSaves] = useState(0);
  const trainee = loaded.data?.data;
  if (!trainee) return <ProblemBanner message={loaded.error} />;

  function flash(message: string) {
    setStatus(message);
    setTimeout(() => setStatus(null), 2500);
  }

  async function save(changes: Record<string, unknown>) {
    try {
      loaded.setData(await api.call<Trainee>('PATCH', `/trainees/${id}`, changes, loaded.data!.etag ?? undefined));
      setSaves((n) => n + 1);
      flash('Saved');
    } catch (error) {
      loaded.setError(describe(error));
    }
  }

  async function setArchived(archived: boolean) {
    try {
      loaded.setData(await api.call<Trainee>('POST', `/trainees/${id}/${archived ? 'archive' : 'restore'}`));
    } catch (error) {
      loaded.setError(describe(error));
    }
  }

  async function remove() {
    try {
      await api.delete(`/trainees/${id}`);
      go('trainees');
    } catch (error) {
      loaded.setError(describe(error));
    }
  }

  return (
    <section class="stack" aria-labelledby="trainee-title">
      <div class="row between">
        <h1 id="trainee-title">{trainee.name}</h1>
        <div class="row">
          <a class="btn" href={`#/history?traineeId=${trainee.id}`}>History</a>
          {!trainee.archivedAt && <button type="button" onClick={() => void setArchived(true)}>Archive</button>}
          <ConfirmButton label="Delete" testId="delete-trainee"
            question={`Delete ${trainee.name} with every recorded session, measurement and phone link? This cannot be undone: to hide them but keep their data, archive them instead.`}
            confirm="Delete trainee and data" onConfirm={() => void remove()} />
          <a class="btn" href="#/trainees">All trainees</a>
        </div>
      </div>
      <ProblemBanner message={loaded.error} onClose={() => loaded.setError(null)} />
      {trainee.archivedAt && (
        <div class="card row between archived" role="status">
          <span>Archived on {formatDate(trainee.archivedAt)}: hidden from lists, no sessions can start and their phone links are paused.</span>
          <button type="button" class="primary" onClick={() => void setArchived(false)}>Restore</button>
        </div>
      )}
      {/* The unit in the key: the form holds the height in the unit it was made with, so a unit that
          arrives later (GET /me after the sign-in's stale copy) makes a new form, never inches read as cm. */}
      <ProfileForm key={`${trainee.id}:${saves}:${unit.value}`} trainee={trainee} save={save} status={status} flash={flash} />
      <TraineeProgress traineeId={trainee.id} />
      <Measurements trainee={trainee} onChange={loaded.reload} />
      <AccessLinks traineeId={trainee.id} />
    </section>
  );
}

/**
 * The profile as a draft over the loaded trainee: every input shows the stored value (selects
 * included), and "Save profile" sends only what was changed — nothing at all when nothing was.
 */
/**
 * An unresolved injury flags the live exercises it touches; "Resolved" stops that (the row stays,
 * struck through, until removed), "Restore" brings it back. Saved with the profile.
 */
function injuryActions(injury: Injury, update: (injury: Injury) => void) {
  if (!injury.resolvedAt) {
    return (
      <button type="button" onClick={() => update({ ...injury, resolvedAt: new Date().toISOString() })} aria-label={`Mark injury ${injury.area} resolved`}>
        Resolved
      </button>
    );
  }
  const { resolvedAt, ...open } = injury;
  return (
    <>
      <span class="small muted nowrap">Resolved {formatDate(resolvedAt)}</span>
      <button type="button" onClick={() => update(open)} aria-label={`Restore injury ${injury.area}`}>Restore</button>
    </>
  );
}

function ProfileForm({ trainee, save, status, flash }: {
  trainee: Trainee;
  save: (changes: Record<string, unknown>) => Promise<void>;
  status: string | null;
  flash: (message: string) => void;
}) {
  // The trainee as loaded when this form was made, its height in the trainer's unit: the draft compares against it.
  const u = unit.value;
  const draft = useMemo(() => formDraft(FIELDS, {
    ...(trainee as unknown as Record<string, unknown>),
    height: trainee.height == null ? null : shownLength(trainee.height, u),
  }), []);
  const [original] = useState(trainee);
  const [goals, setGoals] = useState<Goal[]>(trainee.goals);
  const [injuries, setInjuries] = useState<Injury[]>(trainee.injuries);
  const t = draft.texts.value;

  async function submit(e: Event) {
    e.preventDefault();
    const changes: Record<string, unknown> = { ...draft.changes.value };
    if (typeof changes.height === 'number') changes.height = lengthCm(changes.height, u);
    const keptGoals = goals.filter((g) => (g.text ?? '').trim());
    const keptInjuries = injuries.filter((i) => (i.area ?? '').trim());
    if (!sameJson(keptGoals, original.goals)) changes.goals = keptGoals;
    if (!sameJson(keptInjuries, original.injuries)) changes.injuries = keptInjuries;
    if (Object.keys(changes).length === 0) return flash('No changes');
    // On success the trainee is replaced and this form re-created from it.
    await save(changes);
  }

  const text = (name: keyof typeof FIELDS) => ({
    name,
    value: t[name],
    onInput: (e: Event) => draft.set(name, (e.currentTarget as HTMLInputElement).value),
  });
  return (
    <form class="card stack" onSubmit={submit} aria-label="Profile">
      <div class="grid-2">
        <label>Name<input {...text('name')} required maxLength={200} /></label>
        <label>Email<input {...text('email')} type="email" /></label>
        <label>Phone<input {...text('phone')} type="tel" /></label>
        <label>Date of birth<input {...text('dateOfBirth')} type="date" /></label>
        <label>Gender
          <select {...text('gender')}>
            <option value="">—</option>
            {choices(GENDERS, original.gender).map((g) => <option key={g} value={g}>{g}</option>)}
          </select>
        </label>
        <label>Fitness level
          <select {...text('fitnessLevel')}>
            <option value="">—</option>
            {choices(LEVELS, original.fitnessLevel).map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </label>
        {/* step="any": a stored 172.25 must not make the whole form invalid. Bounds: the API's 50–300 cm. */}
        <label>Height ({lengthUnit(u)})<input {...text('height')} type="number" min={u === 'lb' ? 20 : 50} max={u === 'lb' ? 118 : 300} step="any" /></label>
        <label>Emergency contact<input {...text('emergencyContact')} maxLength={500} /></label>
        <label>Address<input {...text('address')} maxLength={500} /></label>
      </div>
      <ListEditor<Goal> title="Goals" items={goals} onChange={setGoals} blank={{ text: '' }}
        fields={[{ key: 'text', label: 'Goal', required: true }, { key: 'targetDate', label: 'By', type: 'date' }]} />
      <ListEditor<Injury> title="Injuries" items={injuries} onChange={setInjuries} blank={{ area: '' }}
        fields={[{ key: 'area', label: 'Area', required: true }, { key: 'note', label: 'Note' }, { key: 'since', label: 'Since', type: 'date' }]}
        rowClass={(injury) => (injury.resolvedAt ? 'resolved' : '')} actions={injuryActions} />
      <label>Medical notes (only you see them)<textarea {...text('medicalNotes')} maxLength={10000} /></label>
      <div class="row end">
        {status && <span class="badge online" role="status">{status}</span>}
        <button type="submit" class="primary">Save profile</button>
      </div>
    </form>
  );
}
