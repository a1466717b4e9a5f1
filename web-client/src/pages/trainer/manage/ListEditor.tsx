import type { ComponentChildren } from 'preact';

interface Field<T> {
  key: keyof T & string;
  label: string;
  type?: 'text' | 'date';
  required?: boolean;
}

/**
 * Rows of small objects (goals, injuries): edit in place, add, remove. `actions` adds buttons of the
 * caller's to a row (they replace the row's item through `update`); `rowClass` styles a row by its item.
 */
export function ListEditor<T extends object>({ title, items, fields, blank, onChange, actions, rowClass }: {
  title: string;
  items: T[];
  fields: Field<T>[];
  blank: T;
  onChange: (items: T[]) => void;
  actions?: (item: T, update: (item: T) => void) => ComponentChildren;
  rowClass?: (item: T) => string;
}) {
  const change = (index: number, key: string, value: string) =>
    onChange(items.map((item, i) => (i === index ? clean({ ...item, [key]: value }) : item)));
  return (
    <fieldset class="stack list-editor">
      <legend>{title}</legend>
      {items.map((item, i) => (
        <div class={`row ${rowClass?.(item) ?? ''}`} key={i}>
          {fields.map((f) => (
            <label key={f.key} class="spacer">
              <span class="sr-only">{`${title} ${i + 1}: ${f.label}`}</span>
              {f.type === 'date' ? (
                <input type="date" title={f.label} value={valueOf(item, f.key)} onInput={(e) => change(i, f.key, e.currentTarget.value)} />
              ) : (
                <input type="text" placeholder={f.label} required={f.required} value={valueOf(item, f.key)} onInput={(e) => change(i, f.key, e.currentTarget.value)} />
              )}
            </label>
          ))}
          {actions?.(item, (next) => onChange(items.map((old, j) => (j === i ? next : old))))}
          <button type="button" class="ghost" aria-label={`Remove from ${title.toLowerCase()}`} onClick={() => onChange(items.filter((_, j) => j !== i))}>✕</button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...items, { ...blank }])}>+ Add</button>
    </fieldset>
  );
}

const valueOf = (item: object, key: string) => String((item as Record<string, unknown>)[key] ?? '');

/** Optional fields left empty are dropped (the API takes dates or nothing, not ""). */
function clean<T extends object>(item: T): T {
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== '')) as T;
}
