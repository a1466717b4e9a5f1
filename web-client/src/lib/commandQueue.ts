import type { CommandMessage, CommandName, CommandPayloads } from './protocol';
import { uuid } from './ids';

/** A command the server has not answered yet. */
export interface PendingCommand extends CommandMessage {
  /** Local time it was queued, for "pending for 40 s" hints. */
  queuedAt: number;
}

/** Where the queue survives a reload (localStorage in a browser, a map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * Outgoing commands in the order they were made, each with its `commandId`, kept until the server
 * acks or finally rejects it. Stored on every change, so a command made offline is sent after a
 * reload too; the server answers a repeated `commandId` with its first answer, so resending is safe.
 */
export class CommandQueue {
  private items: PendingCommand[];

  constructor(
    private readonly store: KeyValueStore | null,
    private readonly key: string,
    private readonly now: () => number = Date.now,
  ) {
    this.items = load(store, key);
  }

  add<N extends CommandName>(sessionId: string, name: N, payload: CommandPayloads[N]): PendingCommand {
    const command = { type: 'command', sessionId, commandId: uuid(), name, payload, queuedAt: this.now() } as PendingCommand;
    this.items = [...this.items, command];
    this.save();
    return command;
  }

  /** Removes and returns the command, if it was pending. */
  settle(commandId: string): PendingCommand | undefined {
    const found = this.items.find((c) => c.commandId === commandId);
    if (found) {
      this.items = this.items.filter((c) => c !== found);
      this.save();
    }
    return found;
  }

  /** Drops what belongs to a session that is gone (ended, or not ours). */
  dropSession(sessionId: string): PendingCommand[] {
    const dropped = this.items.filter((c) => c.sessionId === sessionId);
    if (dropped.length > 0) {
      this.items = this.items.filter((c) => c.sessionId !== sessionId);
      this.save();
    }
    return dropped;
  }

  get all(): readonly PendingCommand[] {
    return this.items;
  }

  private save(): void {
    if (!this.store) return;
    try {
      if (this.items.length === 0) this.store.removeItem(this.key);
      else this.store.setItem(this.key, JSON.stringify(this.items));
    } catch {
      // Storage full or blocked (private mode): the queue still works for this page's lifetime.
    }
  }
}

function load(store: KeyValueStore | null, key: string): PendingCommand[] {
  try {
    const raw = store?.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as PendingCommand[]).filter((c) => typeof c?.commandId === 'string') : [];
  } catch {
    return [];
  }
}
