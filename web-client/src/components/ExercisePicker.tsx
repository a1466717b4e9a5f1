import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { plural } from '../lib/format';
import type { Exercise } from '../lib/protocol';

/** Typing pauses this long before a search goes out, so a fast typist sends one request, not one per key. */
const DEBOUNCE_MS = 200;
export const SUGGESTIONS = 8;

/**
 * An exercise name field that suggests from the library (WAI-ARIA combobox with a listbox popup):
 * arrows move through the suggestions, Enter picks one, Escape closes them; a click picks too. Any
 * free name may still be typed: typing after a pick drops the pick ({@link onText}), picking sets
 * the name ({@link onPick}). The input keeps its `name`, so a form reads it like any other field.
 */
export function ExercisePicker({ label, name, value, search, onText, onPick, required, placeholder }: {
  label: string;
  name: string;
  value: string;
  search: (query: string) => Promise<Exercise[]>;
  onText: (text: string) => void;
  onPick: (exercise: Exercise) => void;
  required?: boolean;
  placeholder?: string;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const [query, setQuery] = useState<string | null>(null);
  const [found, setFound] = useState<Exercise[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const latest = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (query === null || query.trim() === '') {
      setFound([]);
      return undefined;
    }
    const asked = ++latest.current;
    const timer = setTimeout(() => {
      search(query.trim()).then(
        // An answer to an older query that arrives late is not shown over a newer one.
        (items) => {
          if (asked !== latest.current) return;
          setFound(items);
          setActive(-1);
          // Not over the next field when the trainer has moved on before the answer came.
          setOpen(document.activeElement === input.current);
        },
        () => asked === latest.current && setFound([]),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const shown = open && found.length > 0;

  function pick(exercise: Exercise) {
    onPick(exercise);
    setOpen(false);
    setQuery(null);
    setActive(-1);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (found.length === 0) return;
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (shown ? (i + step + found.length) % found.length : step > 0 ? 0 : found.length - 1));
    } else if (e.key === 'Enter' && shown && active >= 0) {
      e.preventDefault();
      pick(found[active]!);
    } else if (e.key === 'Escape' && shown) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <div class="picker">
      <label for={id}>{label}</label>
      <input
        ref={input}
        id={id}
        name={name}
        value={value}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? `${id}-${active}` : undefined}
        required={required}
        maxLength={200}
        placeholder={placeholder}
        onInput={(e) => {
          const text = e.currentTarget.value;
          onText(text);
          setQuery(text);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label="Suggestions" class="picker-list" hidden={!shown}>
        {found.map((exercise, i) => (
          <li
            key={exercise.id}
            id={`${id}-${i}`}
            role="option"
            aria-selected={i === active}
            class="picker-option"
            // mousedown, not click: the input keeps focus, and its blur does not close the list first.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(exercise);
            }}
          >
            <span class="picker-name">{exercise.name}{exercise.custom && <span class="small muted"> · yours</span>}</span>
            <span class="small muted">{describe(exercise)}</span>
          </li>
        ))}
      </ul>
      <span class="sr-only" role="status">{shown ? `${plural(found.length, 'suggestion')}: arrow keys to choose, Enter to pick` : ''}</span>
    </div>
  );
}

/** "quadriceps, glutes · barbell": what a trainer tells exercises of one name apart by. */
function describe(exercise: Exercise): string {
  const muscles = exercise.primaryMuscles.join(', ');
  return [muscles, exercise.equipment].filter((part) => part).join(' · ');
}
