import { ConfirmButton } from '../../../components/ConfirmButton';
import { useFocusWhenLost } from '../../../components/focus';
import { firstName } from '../../../lib/names';
import { formatTime, plural } from '../../../lib/format';
import type { Live } from '../../../lib/liveSignals';
import type { SessionView } from '../../../lib/socket';
import { go } from '../state';
import type { Send } from '../../../lib/protocol';

/** Who is training, which devices watch (phone, displays), and the end of the session. */
export function SessionHeader({ live, view, send }: { live: Live; view: SessionView; send: Send }) {
  const { record, trainee, presence } = view.state;
  const phones = presence.filter((d) => d.role === 'trainee').length;
  const displays = presence.filter((d) => d.role === 'display').length;
  const ended = record.status !== 'live';
  const heading = useFocusWhenLost<HTMLHeadingElement>();

  return (
    <header class="session-header card">
      <div class="who">
        <h1 title={trainee.name} ref={heading} tabIndex={-1}>{trainee.name}</h1>
        <span class="small muted">
          {record.location ? `${record.location} · ` : ''}started {record.startTime ? formatTime(record.startTime) : ''}
        </span>
      </div>
      <span class={`badge presence${phones > 0 ? ' online' : ''}`} data-testid="presence-phone">{phones > 0 ? 'Phone watching' : 'Phone not open'}</span>
      <span class={`badge presence${displays > 0 ? ' online' : ''}`} data-testid="presence-displays">{plural(displays, 'wall display')}</span>
      {ended ? (
        <>
          <span class="badge" data-testid="session-status">Session {record.status}</span>
          <button type="button" onClick={() => { live.socket.unfollow(view.sessionId); go('live'); }}>Close</button>
        </>
      ) : (
        <ConfirmButton
          label="End session"
          question={`End ${firstName(trainee.name)}’s session? It is saved as completed; choose Abandoned if it was broken off.`}
          confirm="Completed"
          onConfirm={() => send('end-session', { status: 'completed' })}
          alternative={{ label: 'Abandoned', onConfirm: () => send('end-session', { status: 'abandoned' }) }}
          testId="end-session"
        />
      )}
    </header>
  );
}
