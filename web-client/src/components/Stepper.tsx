import { formatNumber } from '../lib/format';

interface Props {
  label: string;
  value: number | null;
  step: number;
  min?: number;
  unit?: string;
  onChange: (value: number) => void;
}

/** − value + for thumbs: big buttons, the value readable at arm's length. */
export function Stepper({ label, value, step, min = 0, unit = '', onChange }: Props) {
  const current = value ?? 0;
  const set = (v: number) => onChange(Math.max(min, Math.round(v * 100) / 100));
  return (
    <div class="stepper" role="group" aria-label={label}>
      <button type="button" onClick={() => set(current - step)} aria-label={`${label} minus ${step}`}>
        −
      </button>
      <output aria-live="polite" data-testid={`stepper-${label.toLowerCase()}`}>
        {value == null ? '–' : formatNumber(value)}
        {unit && value != null ? <span class="small muted"> {unit}</span> : null}
      </output>
      <button type="button" onClick={() => set(current + step)} aria-label={`${label} plus ${step}`}>
        +
      </button>
      <span class="caption">{label}</span>
    </div>
  );
}
