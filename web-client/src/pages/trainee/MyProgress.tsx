import { ProgressChart } from '../../components/ProgressChart';
import { useProgress } from '../../components/useProgress';
import { VolumeGrid } from '../../components/VolumeGrid';
import type { Rest } from '../../lib/rest';

/** The phone shows the trainee's three most trained exercises to choose from, and four weeks of volume. */
const EXERCISES = 3;
const WEEKS = 4;

/** The trainee's own progress between sessions: an e1RM line and the last weeks' sets per muscle. */
export function MyProgress({ api, traineeId }: { api: Rest; traineeId: string }) {
  const { volume, items: top, exercise, choose: setChosen, shown } = useProgress(api, traineeId, WEEKS, EXERCISES);
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
