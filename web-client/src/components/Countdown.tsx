import { useComputed, type ReadonlySignal } from '@preact/signals';
import { formatClock, remainingMs, shownSeconds } from '../lib/clock';
import type { Timer } from '../lib/protocol';

/** Seconds left turn warning-coloured for the last ten. */
const ENDING_SECONDS = 10;

/**
 * A timer's remaining time on the server clock. Only the shown second is computed from the ticking
 * clock, so the text re-renders once a second, at the same instant on every device.
 */
export function Countdown({ timer, serverNow, class: extra = '' }: { timer: Timer | null; serverNow: ReadonlySignal<number>; class?: string }) {
  const seconds = useComputed(() => shownSeconds(remainingMs(timer, serverNow.value)));
  if (!timer) return null;
  const state = !timer.running ? 'paused' : seconds.value === 0 ? 'done' : seconds.value <= ENDING_SECONDS ? 'ending' : '';
  return (
    <span class={`countdown ${state} ${extra}`} data-testid="countdown" data-seconds={seconds.value} role="timer" aria-label={`${timer.label ?? 'Timer'}: ${seconds.value} seconds left${timer.running ? '' : ', paused'}`}>
      {formatClock(seconds.value)}
    </span>
  );
}
