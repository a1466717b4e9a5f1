import { batch, computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { SessionView } from './socket';

/**
 * The followed sessions as one signal each, so an event of one session re-renders only the
 * components that show it; `ids` changes only when a session joins or leaves.
 */
export class SessionSignals {
  private readonly views = new Map<string, Signal<SessionView>>();
  private readonly idList = signal<readonly string[]>([]);
  readonly ids: ReadonlySignal<readonly string[]> = this.idList;

  session(id: string): ReadonlySignal<SessionView> | undefined {
    return this.views.get(id);
  }

  /** Takes the socket's sessions; the socket replaces a view object whenever its session changes. */
  sync(sessions: ReadonlyMap<string, SessionView>): void {
    batch(() => {
      let joinedOrLeft = false;
      for (const [id, view] of sessions) {
        const known = this.views.get(id);
        if (known) known.value = view;
        else {
          this.views.set(id, signal(view));
          joinedOrLeft = true;
        }
      }
      for (const id of this.views.keys()) {
        if (sessions.has(id)) continue;
        this.views.delete(id);
        joinedOrLeft = true;
      }
      if (joinedOrLeft) this.idList.value = [...this.views.keys()];
    });
  }
}

/**
 * A computed list of ids that keeps its previous array while the ids stay the same, so a screen that
 * orders or filters sessions re-renders when the list changes, not on every event of a session in it.
 */
export function computedIds(compute: () => readonly string[]): ReadonlySignal<readonly string[]> {
  let last: readonly string[] = [];
  return computed(() => {
    const next = compute();
    if (next.length !== last.length || next.some((id, i) => id !== last[i])) last = next;
    return last;
  });
}
