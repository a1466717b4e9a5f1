import { computed, signal, type ReadonlySignal } from '@preact/signals';

/**
 * Editing a loaded resource without rewriting it. A form shows each field as the text of an input;
 * on save only the fields whose text the user changed are sent, parsed back into what the API takes,
 * so a form saved unchanged sends nothing and a field left alone keeps its stored value byte for
 * byte (no trimming, no `""` for `null`, no number turned into a string, no unknown value dropped).
 */
export type FieldKind = 'text' | 'number' | 'choice' | 'date';
export type Fields = Record<string, FieldKind>;
export type Texts<F extends Fields> = { readonly [K in keyof F]: string };

/** What an input shows for a stored value: `null`/absent is empty, a number its JS text. */
export function shown(value: unknown): string {
  if (value == null) return '';
  return typeof value === 'string' ? value : String(value);
}

/**
 * An input's text as the API takes it: empty (blank) clears the field (`null`); a number is a number;
 * free text is trimmed, since the user typed it; a choice or a date is sent as is.
 */
export function parsed(text: string, kind: FieldKind): string | number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (kind === 'number') return Number(trimmed);
  return kind === 'text' ? trimmed : text;
}

/** Deep equality of JSON values, the order of object keys aside. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a == null || b == null) return a == b;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameJson(item, other[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  // An absent key and an undefined one are the same thing once serialised.
  return [...keys].every((k) => sameJson(left[k], right[k]));
}

/** The partial body for a PATCH: only the fields whose text differs from what was loaded, and whose value then differs too. */
export function changedFields<F extends Fields>(fields: F, original: Record<string, unknown>, texts: Texts<F>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(fields)) {
    const text = texts[name as keyof F];
    if (text === undefined || text === shown(original[name])) continue;
    const value = parsed(text, kind);
    if (!sameJson(value, original[name] ?? null)) body[name] = value;
  }
  return body;
}

/** A select's options: the known ones, plus the stored value if it is one this client does not know, so it is shown and kept. */
export function choices(known: readonly string[], current: unknown): string[] {
  return typeof current === 'string' && current !== '' && !known.includes(current) ? [...known, current] : [...known];
}

/** The typed signal model of one form over one loaded resource. */
export interface FormDraft<F extends Fields> {
  readonly texts: ReadonlySignal<Texts<F>>;
  /** What a save would send; empty when nothing changed. */
  readonly changes: ReadonlySignal<Record<string, unknown>>;
  readonly dirty: ReadonlySignal<boolean>;
  set(name: keyof F & string, text: string): void;
}

export function formDraft<F extends Fields>(fields: F, original: Record<string, unknown>): FormDraft<F> {
  const initial = Object.fromEntries(Object.keys(fields).map((name) => [name, shown(original[name])])) as Texts<F>;
  const texts = signal<Texts<F>>(initial);
  const changes = computed(() => changedFields(fields, original, texts.value));
  return {
    texts,
    changes,
    dirty: computed(() => Object.keys(changes.value).length > 0),
    set: (name, text) => {
      texts.value = { ...texts.value, [name]: text };
    },
  };
}
