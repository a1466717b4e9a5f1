import type { Timer } from './protocol';

/**
 * The rest cue the three screens share: counting down ('rest'), the last ten seconds ('get-ready'),
 * five seconds of 'go' once the rest is over, else 'idle'. Every phase is read from the server's
 * deadline (`endsAt`) at server time, so tablet, phone and wall change phase at the same second.
 */
export type CuePhase = 'idle' | 'rest' | 'get-ready' | 'go';

export const GET_READY_MS = 10_000;
export const GO_MS = 5_000;
/**
 * A timer that leaves the state within this of its deadline finished (`timer-finished` comes a
 * moment after `endsAt`); one that leaves earlier was cancelled, and a cancelled rest shows no GO.
 */
export const FINISH_TOLERANCE_MS = 1_000;

/** The phase at `serverNow` of the running or paused `timer`, or, with none, of a rest that ended at `endedAt`. */
export function cuePhase(timer: Timer | null, endedAt: number | null, serverNow: number): CuePhase {
  if (timer) {
    if (!timer.running || timer.endsAt == null) return 'rest'; // paused: nothing is coming yet
    const left = timer.endsAt - serverNow;
    if (left > GET_READY_MS) return 'rest';
    if (left > 0) return 'get-ready';
    return goOrIdle(timer.endsAt, serverNow);
  }
  return endedAt == null ? 'idle' : goOrIdle(endedAt, serverNow);
}

function goOrIdle(endedAt: number, serverNow: number): CuePhase {
  return serverNow >= endedAt && serverNow - endedAt < GO_MS ? 'go' : 'idle';
}

/**
 * Follows one session's timer through its states and remembers the deadline of the last one that
 * finished (the state drops a finished timer). `alert` is true once per timer: at the update that
 * first finds it in 'go', and only if this screen saw it counting down, so a page opened just after
 * the end shows GO without sounding it.
 */
export class RestCueTracker {
  private last: Timer | null = null;
  private ended: { id: string; endsAt: number } | null = null;
  private countedDown: string | null = null;
  private alerted: string | null = null;

  update(timer: Timer | null, serverNow: number): { phase: CuePhase; alert: boolean } {
    if (timer) {
      if (timer.id !== this.last?.id) this.ended = null;
      this.last = timer;
    } else if (this.last) {
      const endsAt = this.last.running ? this.last.endsAt : null;
      this.ended = endsAt != null && endsAt - serverNow <= FINISH_TOLERANCE_MS ? { id: this.last.id, endsAt } : null;
      this.last = null;
    }
    const phase = cuePhase(timer, this.ended?.endsAt ?? null, serverNow);
    const id = timer?.id ?? this.ended?.id ?? null;
    if (phase === 'rest' || phase === 'get-ready') this.countedDown = id;
    const alert = phase === 'go' && id !== null && id === this.countedDown && id !== this.alerted;
    if (alert) this.alerted = id;
    return { phase, alert };
  }
}

/**
 * Two short beeps through Web Audio. Browsers let a page make sound only after the person has
 * interacted with it, so the audio context is made inside the first tap or key press; before that,
 * `play` stays silent.
 */
export class CueSound {
  private context: AudioContext | null = null;
  private armed = false;

  arm(target: EventTarget = globalThis): void {
    if (this.armed || typeof AudioContext === 'undefined') return;
    this.armed = true;
    const unlock = () => {
      this.context ??= new AudioContext();
      void this.context.resume().catch(() => undefined);
    };
    for (const type of ['pointerdown', 'keydown', 'touchend']) target.addEventListener(type, unlock, { passive: true });
  }

  get ready(): boolean {
    return this.context?.state === 'running';
  }

  play(): boolean {
    const context = this.context;
    if (!context || context.state !== 'running') return false;
    [0, 0.3].forEach((delay) => {
      const start = context.currentTime + delay;
      const tone = context.createOscillator();
      const gain = context.createGain();
      tone.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.5, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.2);
      tone.connect(gain).connect(context.destination);
      tone.start(start);
      tone.stop(start + 0.22);
    });
    return true;
  }
}

/** A buzz on phones that have one (`navigator.vibrate`); elsewhere nothing. */
export function vibrate(): boolean {
  const nav = globalThis.navigator as Navigator | undefined;
  return typeof nav?.vibrate === 'function' ? nav.vibrate([200, 100, 200]) : false;
}
