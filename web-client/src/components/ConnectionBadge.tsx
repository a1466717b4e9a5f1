import type { PendingCommand } from '../lib/commandQueue';
import { plural } from '../lib/format';
import { pendingSetCount } from '../lib/liveView';
import type { ConnectionStatus } from '../lib/socket';

const WORDS: Record<ConnectionStatus, string> = {
  online: 'Live',
  connecting: 'Connecting…',
  offline: 'Offline',
  'signed-out': 'Signed out',
};

/**
 * Connection state and, when some are waiting, how many sets are not confirmed yet: sets are what a
 * trainer counts (a set logged with its rest timer is two commands but one set). Other commands
 * waiting alone show as "saving".
 */
export function ConnectionBadge({ status, pending }: { status: ConnectionStatus; pending?: readonly PendingCommand[] }) {
  const sets = pendingSetCount(pending ?? []);
  const others = (pending?.length ?? 0) - sets;
  return (
    <span class="row" role="status" aria-live="polite" data-testid="connection">
      <span class={`badge ${status}`}>
        <span class="dot" aria-hidden="true" />
        {WORDS[status]}
      </span>
      {(sets > 0 || others > 0) && (
        <span class="badge connecting" data-testid="pending" title="Saved on this device, sent when the server confirms">
          {sets > 0 ? `${plural(sets, 'set')} pending` : 'saving…'}
        </span>
      )}
    </span>
  );
}
