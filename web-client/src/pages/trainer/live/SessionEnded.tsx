import { SessionSummary } from '../../../components/SessionSummary';
import type { Live } from '../../../lib/liveSignals';
import { firstName } from '../../../lib/names';
import type { SessionView } from '../../../lib/socket';
import { api, go } from '../state';

/** In place of the live control once a session has ended: its summary, then back to the trainee or on. */
export function SessionEnded({ live, view }: { live: Live; view: SessionView }) {
  const { record, trainee } = view.state;
  const name = firstName(trainee.name);
  // Leaving closes the session's tab: it has nothing left to control.
  const leave = (path: string) => {
    live.socket.unfollow(view.sessionId);
    go(path);
  };
  return (
    <SessionSummary api={api} recordId={view.sessionId}
      heading={`${name}'s session ${record.status === 'completed' ? 'is complete' : 'has ended'}`}>
      <button type="button" data-testid="back-to-trainee" onClick={() => leave(`trainees/${record.traineeId}`)}>
        Back to {name}
      </button>
      <button type="button" class="ghost" onClick={() => leave('live')}>Done</button>
    </SessionSummary>
  );
}
