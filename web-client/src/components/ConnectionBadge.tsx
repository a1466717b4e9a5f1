import type { PendingCommand } from '../lib/commandQueue';
import type { ConnectionStatus } from '../lib/socket';

const WORDS: Record<ConnectionStatus, string> = {
  online: 'Live',
  connecting: 'Connecting…',
  offline: 'Offline',
  'signed-out': 'Signed out',
};

/** Connection state and, when some are waiting, how many commands are not confirmed yet. */
export function ConnectionBadge({ status, pending }: { status: ConnectionStatus; pending?: readonly PendingCommand[] }) {
  const waiting = pending?.length ?? 0;
  return (
    <span class="row" role="status" aria-live="polite" data-testid="connection">
      <span class={`badge ${status}`}>
        <span class="dot" aria-hidden="true" />
        {WORDS[status]}
      </span>
      {waiting > 0 && (
        <span class="badge connecting" data-testid="pending" title="Saved on this device, sent when the server confirms">
          {waiting} pending
        </span>
      )}
    </span>
  );
}
