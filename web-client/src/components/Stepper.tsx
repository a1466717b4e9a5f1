import { useState } from 'preact/hooks';
import { formatNumber } from '../lib/format';

interface Props {
  label: string;
  value: number | null;
  step: number;
  min?: number;
  max?: number;
  unit?: string;
  /** Whole numbers only (reps): the numeric keypad without a decimal key. */
  whole?: boolean;
  onChange: (value: number) => void;
}

/** "82,5" or "82.5" as typed on any keypad; null when it is no number. */
function parse(text: string): number | null {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(n) ? null : n;
}

/**
 * − value + for thumbs: big buttons, the value readable at arm's length. The value is also a field:
 * tap it and type (80 → 140 is one action, not 24 taps); every valid keystroke is taken at once,
 * so a tap on "Log set" right after typing logs what was typed.
 */
export function Stepper({ label, value, step, min = 0, max = 10_000, unit = '', whole = false, onChange }: Props) {
  const [typing, setTyping] = useState<string | null>(null);
  const clamp = (v: number) => Math.min(max, Math.max(min, Math.round(v * 100) / 100));
  const set = (v: number) => {
    setTyping(null);
    onChange(clamp(v));
  };
  const current = value ?? 0;
  const shown = typing ?? (value == null ? '' : formatNumber(value));
  return (
    <div class="stepper" role="group" aria-label={label}>
      <button type="button" onClick={() => set(current - step)} aria-label={`${label} minus ${formatNumber(step)}`}>
        −
      </button>
      <span class="stepper-value">
        <input
          type="text"
          inputMode={whole ? 'numeric' : 'decimal'}
          enterKeyHint="done"
          autoComplete="off"
          aria-label={unit ? `${label} (${unit})` : label}
          data-testid={`stepper-${label.toLowerCase()}`}
          placeholder="–"
          value={shown}
          onFocus={(e) => e.currentTarget.select()}
          onInput={(e) => {
            const text = e.currentTarget.value;
            setTyping(text);
            const n = parse(text);
            if (n !== null && n >= min && n <= max) onChange(whole ? Math.round(n) : Math.round(n * 100) / 100);
          }}
          onBlur={() => setTyping(null)}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
        {unit ? <span class="small muted">{unit}</span> : null}
      </span>
      <button type="button" onClick={() => set(current + step)} aria-label={`${label} plus ${formatNumber(step)}`}>
        +
      </button>
      <span class="caption">{label}</span>
    </div>
  );
}
