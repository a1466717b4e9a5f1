import { useState } from 'preact/hooks';
import type { Live } from '../../../lib/liveSignals';
import type { SessionView } from '../../../lib/socket';
import type { Send } from './LiveControl';
import { go } from '../state';

/** Who is training, which devices watch (phone, displays), and the end of the session. */
export function SessionHeader({ live, view, send }: { live: Live; view: SessionView; send: Send }) {
  const [ending, setEnding] = useState(false);
  const { record, trainee, presence } = view.state;
  const phones = presence.filter((d) => d.role === 'trainee').length;
  const displays = presence.filter((d) => d.role === 'display').length;
  const ended = record.status !== 'live';

  function end(status: 'completed' | 'abandoned') {
    send('end-session', { status });
    setEnding(false);
  }

  return (
    <header class="session-header card row">
      <div>
        <h1>{trainee.name}</h1>
        <span class="small muted">
          {record.location ? `${record.location} · ` : ''}started {record.startTime ? new Date(record.startTime).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : ''}
        </span>
      </div>
      <span class={`badge${phones > 0 ? ' online' : ''}`} data-testid="presence-phone">{phones > 0 ? 'Phone watching' : 'Phone not open'}</span>
      <span class={`badge${displays > 0 ? ' online' : ''}`} data-testid="presence-displays">{displays} wall display{displays === 1 ? '' : 's'}</span>
      <span class="spacer" />
      {ended ? (
        <>
          <span class="badge" data-testid="session-status">Session {record.status}</span>
          <button type="button" onClick={() => { live.socket.unfollow(view.sessionId); go('live'); }}>Close</button>
        </>
      ) : ending ? (
        <span class="row" role="group" aria-label="End the session as">
          <button type="button" class="primary" onClick={() => end('completed')}>Completed</button>
          <button type="button" class="danger" onClick={() => end('abandoned')}>Abandoned</button>
          <button type="button" class="ghost" onClick={() => setEnding(false)}>Cancel</button>
        </span>
      ) : (
        <button type="button" class="danger" onClick={() => setEnding(true)}>End session</button>
      )}
    </header>
  );
}
