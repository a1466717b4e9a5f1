import { formatNumber } from '../lib/format';

/** RPE 5–10 in halves: one tap. (Below 5 is rare in a working set; the trainer can edit the set for it.) */
const VALUES = [5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10];

export function RpePicker({ value, onPick, disabled = false }: { value: number | null | undefined; onPick: (rpe: number) => void; disabled?: boolean }) {
  return (
    <div class="rpe" role="group" aria-label="RPE of the last set">
      {VALUES.map((v) => (
        <button type="button" key={v} aria-pressed={value === v} disabled={disabled} onClick={() => onPick(v)}>
          {formatNumber(v)}
        </button>
      ))}
    </div>
  );
}
