import { useSignal, useSignalEffect, type ReadonlySignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import type { Timer } from '../lib/protocol';
import { CueSound, RestCueTracker, vibrate, type CuePhase } from '../lib/restCue';

/** One sound for the page, unlocked by the person's first tap or key press. */
const sound = new CueSound();

export interface RestCue {
  phase: ReadonlySignal<CuePhase>;
  /** How many times this screen sounded (or buzzed) the end of a rest: for tests and the curious. */
  alerts: ReadonlySignal<number>;
}

/**
 * The rest cue of one session's timer on the server clock. With `tone` the end of a rest beeps,
 * with `buzz` it vibrates where the device can; the phase changes only when it really does, so
 * whatever reads it re-renders a few times per rest, not at every tick.
 */
export function useRestCue(timer: Timer | null, serverNow: ReadonlySignal<number>, options: { tone?: boolean; buzz?: boolean } = {}): RestCue {
  const tracker = useMemo(() => new RestCueTracker(), []);
  const current = useSignal(timer);
  const phase = useSignal<CuePhase>('idle');
  const alerts = useSignal(0);
  useEffect(() => {
    current.value = timer;
  }, [timer]);
  useEffect(() => {
    if (options.tone) sound.arm();
  }, [options.tone]);
  useSignalEffect(() => {
    const { phase: now, alert } = tracker.update(current.value, serverNow.value);
    phase.value = now;
    if (!alert) return;
    const toned = options.tone ? sound.play() : false;
    const buzzed = options.buzz ? vibrate() : false;
    if (toned || buzzed) alerts.value += 1;
  });
  return { phase, alerts };
}

/** "Get ready" in the last ten seconds, a large "GO" for five seconds after; nothing otherwise. */
export function CueBanner({ cue, class: extra = '' }: { cue: RestCue; class?: string }) {
  const phase = cue.phase.value;
  if (phase !== 'get-ready' && phase !== 'go') return null;
  return (
    <div class={`cue cue-${phase} ${extra}`} role="status" aria-live="assertive" data-testid="rest-cue" data-phase={phase} data-alerts={cue.alerts.value}>
      {phase === 'go' ? 'GO' : 'Get ready'}
    </div>
  );
}
