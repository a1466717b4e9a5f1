import { useState } from 'preact/hooks';
import type { ExerciseProgress, ProgressExercises, WeeklyVolume } from '../lib/progress';
import type { Rest } from '../lib/rest';
import { useLoad } from './useLoad';

/**
 * A trainee's progress as the trainee page and the phone show it: the exercises with history (the
 * first `limit` of them, most trained first), the one chosen (else the first) with its points, and
 * `weeks` of sets per muscle.
 */
export function useProgress(api: Rest, traineeId: string, weeks: number, limit = Infinity) {
  const exercises = useLoad(() => api.get<ProgressExercises>(`/trainees/${traineeId}/progress/exercises`), [traineeId]);
  const volume = useLoad(() => api.get<WeeklyVolume>(`/trainees/${traineeId}/volume?weeks=${weeks}`), [traineeId, weeks]);
  const [chosen, choose] = useState<string | null>(null);
  const items = (exercises.data?.items ?? []).slice(0, limit);
  const exercise = items.find((i) => i.exercise === chosen) ?? items[0] ?? null;
  const progress = useLoad(
    () => (exercise
      ? api.get<ExerciseProgress>(`/trainees/${traineeId}/progress?exercise=${encodeURIComponent(exercise.exercise)}`)
      : Promise.resolve(null)),
    [traineeId, exercise?.exercise],
  );
  // A response for the exercise picked before the last change is not shown under the new name.
  const shown = progress.data && progress.data.exercise === exercise?.exercise ? progress.data : null;
  return { exercises, volume, progress, items, exercise, choose, shown };
}
