interface Field<T> {
  key: keyof T & string;
  label: string;
  type?: 'text' | 'date';
  required?: boolean;
}

/** Rows of small objects (goals, injuries): edit in place, add, remove. */
export function ListEditor<T extends object>({ title, items, fields, blank, onChange }: {
  title: string;
  items: T[];
  fields: Field<T>[];
  blank: T;
  onChange: (items: T[]) => void;
}) {
  const change = (index: number, key: string, value: string) =>
    onChange(items.map((item, i) => (i === index ? clean({ ...item, [key]: value }) : item)));
  return (
    <fieldset class="stack list-editor">
      <legend>{title}</legend>
      {items.map((item, i) => (
        <div class="row" key={i}>
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
