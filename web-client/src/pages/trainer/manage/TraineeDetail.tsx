import { useState } from 'preact/hooks';
import { ProblemBanner } from '../../../components/ProblemBanner';
import { describe, useLoad } from '../../../components/useLoad';
import { api } from '../state';
import { AccessLinks } from './AccessLinks';
import { ListEditor } from './ListEditor';
import { Measurements } from './Measurements';
import { LEVELS, formBody, type Goal, type Injury, type Trainee } from './types';

const FIELDS = {
  name: 'text', email: 'text', phone: 'text', dateOfBirth: 'text', gender: 'text', address: 'text',
  emergencyContact: 'text', height: 'number', fitnessLevel: 'text', medicalNotes: 'text',
} as const;

/** One trainee: profile, goals, injuries, medical notes, measurements, phone access, history. */
export function TraineeDetail({ id }: { id: string }) {
  const loaded = useLoad(() => api.call<Trainee>('GET', `/trainees/${id}`), [id]);
  const [goals, setGoals] = useState<Goal[] | null>(null);
  const [injuries, setInjuries] = useState<Injury[] | null>(null);
  const [saved, setSaved] = useState(false);
  const trainee = loaded.data?.data;
  if (!trainee) return <ProblemBanner message={loaded.error} />;

  async function save(e: Event) {
    e.preventDefault();
    const body = {
      ...formBody(new FormData(e.currentTarget as HTMLFormElement), FIELDS, 'null'),
      goals: (goals ?? trainee!.goals).filter((g) => (g.text ?? '').trim()),
      injuries: (injuries ?? trainee!.injuries).filter((i) => (i.area ?? '').trim()),
    };
    try {
      loaded.setData(await api.call<Trainee>('PATCH', `/trainees/${id}`, body, loaded.data!.etag ?? undefined));
      setSaved(true);
      setTimeout(() => setSaved(false), 2500);
    } catch (error) {
      loaded.setError(describe(error));
    }
  }

  const v = (x: string | number | null) => (x == null ? '' : String(x));
  return (
    <section class="stack" aria-labelledby="trainee-title">
      <div class="row between">
        <h1 id="trainee-title">{trainee.name}</h1>
        <div class="row">
          <a class="btn" href={`#/history?traineeId=${trainee.id}`}>History</a>
          <a class="btn" href="#/trainees">All trainees</a>
        </div>
      </div>
      <ProblemBanner message={loaded.error} onClose={() => loaded.setError(null)} />
      <form class="card stack" onSubmit={save} key={trainee.version} aria-label="Profile">
        <div class="grid-2">
          <label>Name<input name="name" required maxLength={200} defaultValue={trainee.name} /></label>
          <label>Email<input name="email" type="email" defaultValue={v(trainee.email)} /></label>
          <label>Phone<input name="phone" type="tel" defaultValue={v(trainee.phone)} /></label>
          <label>Date of birth<input name="dateOfBirth" type="date" defaultValue={v(trainee.dateOfBirth)} /></label>
          <label>Gender
            <select name="gender" defaultValue={v(trainee.gender)}>
              <option value="">—</option>
              {['female', 'male', 'other', 'unspecified'].map((g) => <option key={g} value={g}>{g}</option>)}
            </select>
          </label>
          <label>Fitness level
            <select name="fitnessLevel" defaultValue={v(trainee.fitnessLevel)}>
              <option value="">—</option>
              {LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
            </select>
          </label>
          <label>Height (cm)<input name="height" type="number" min={50} max={300} step="0.1" defaultValue={v(trainee.height)} /></label>
          <label>Emergency contact<input name="emergencyContact" maxLength={500} defaultValue={v(trainee.emergencyContact)} /></label>
          <label>Address<input name="address" maxLength={500} defaultValue={v(trainee.address)} /></label>
        </div>
        <ListEditor<Goal> title="Goals" items={goals ?? trainee.goals} onChange={setGoals} blank={{ text: '' }}
          fields={[{ key: 'text', label: 'Goal', required: true }, { key: 'targetDate', label: 'By', type: 'date' }]} />
        <ListEditor<Injury> title="Injuries" items={injuries ?? trainee.injuries} onChange={setInjuries} blank={{ area: '' }}
          fields={[{ key: 'area', label: 'Area', required: true }, { key: 'note', label: 'Note' }, { key: 'since', label: 'Since', type: 'date' }]} />
        <label>Medical notes (only you see them)<textarea name="medicalNotes" maxLength={10000} defaultValue={v(trainee.medicalNotes)} /></label>
        <div class="row end">
          {saved && <span class="badge online" role="status">Saved</span>}
          <button type="submit" class="primary">Save profile</button>
        </div>
      </form>
      <Measurements trainee={trainee} onChange={loaded.reload} />
      <AccessLinks traineeId={trainee.id} />
    </section>
  );
}
