import { SUGGESTIONS } from '../../components/ExercisePicker';
import type { Exercise } from '../../lib/protocol';
import { api } from './state';

/** The best library (and own custom) matches for what the trainer typed, for {@link ExercisePicker}. */
export function searchExercises(query: string): Promise<Exercise[]> {
  return api.get<{ items: Exercise[] }>(`/exercises?limit=${SUGGESTIONS}&q=${encodeURIComponent(query)}`).then((page) => page.items);
}

/** What a picked exercise fills in beside its name: its id, and its muscles and equipment where a form has them. */
export function fromLibrary(exercise: Exercise): { exerciseId: string; muscleGroups: string[]; equipment: string[] } {
  return { exerciseId: exercise.id, muscleGroups: exercise.primaryMuscles, equipment: exercise.equipment ? [exercise.equipment] : [] };
}
