import { useState } from 'preact/hooks';
import { ProgressChart } from '../../components/ProgressChart';
import { useLoad } from '../../components/useLoad';
import { VolumeGrid } from '../../components/VolumeGrid';
import type { ExerciseProgress, ProgressExercises, WeeklyVolume } from '../../lib/progress';
import type { Rest } from '../../lib/rest';

/** The phone shows the trainee's three most trained exercises to choose from, and four weeks of volume. */
const EXERCISES = 3;
const WEEKS = 4;

/** The trainee's own progress between sessions: an e1RM line and the last weeks' sets per muscle. */
export function MyProgress({ api, traineeId }: { api: Rest; traineeId: string }) {
  const exercises = useLoad(() => api.get<ProgressExercises>(`/trainees/${traineeId}/progress/exercises`), [traineeId]);
  const volume = useLoad(() => api.get<WeeklyVolume>(`/trainees/${traineeId}/volume?weeks=${WEEKS}`), [traineeId]);
  const [chosen, setChosen] = useState<string | null>(null);
  const top = (exercises.data?.items ?? []).slice(0, EXERCISES);
  const exercise = top.find((i) => i.exercise === chosen) ?? top[0] ?? null;
  const progress = useLoad(
    () => (exercise
      ? api.get<ExerciseProgress>(`/trainees/${traineeId}/progress?exercise=${encodeURIComponent(exercise.exercise)}`)
      : Promise.resolve(null)),
    [traineeId, exercise?.exercise],
  );
  const shown = progress.data && progress.data.exercise === exercise?.exercise ? progress.data : null;
  if (top.length === 0) return null;

  return (
    <section class="card stack my-progress" aria-labelledby="my-progress-title" data-testid="my-progress">
      <h2 id="my-progress-title">Your progress</h2>
      {top.length > 1 && (
        <div class="row chips" role="group" aria-label="Exercise">
          {top.map((i) => (
            <button key={i.exercise} type="button" class="chip" aria-pressed={i.exercise === exercise?.exercise}
              onClick={() => setChosen(i.exercise)}>{i.name}</button>
          ))}
        </div>
      )}
      {exercise && shown && <ProgressChart name={exercise.name} progress={shown} compact />}
      {volume.data && (
        <>
          <h3>Sets per muscle, last {WEEKS} weeks</h3>
          <VolumeGrid volume={volume.data} weeks={WEEKS} />
        </>
      )}
    </section>
  );
}
