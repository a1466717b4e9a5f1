import { useEffect } from 'preact/hooks';
import type { Live } from '../../lib/liveSignals';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { Tile } from './Tile';

/** Columns × rows for n tiles on a 16:9 wall, so 1 to 12 sessions always fill the screen. */
export function layout(n: number): { cols: number; rows: number } {
  if (n <= 1) return { cols: 1, rows: 1 };
  if (n <= 3) return { cols: n, rows: 1 };
  if (n === 4) return { cols: 2, rows: 2 };
  if (n <= 6) return { cols: 3, rows: 2 };
  if (n <= 8) return { cols: 4, rows: 2 };
  if (n === 9) return { cols: 3, rows: 3 };
  return { cols: 4, rows: Math.ceil(n / 4) };
}

export function Wall({ live, name }: { live: Live; name: string }) {
  const all = [...live.sessions.value.values()];
  const views = all.filter((v) => v.state.record.status === 'live')
    .sort((a, b) => (a.state.record.startTime ?? '').localeCompare(b.state.record.startTime ?? ''));

  // A session that ended leaves the wall (the server has stopped sending it).
  const ended = all.filter((v) => v.state.record.status !== 'live').map((v) => v.sessionId);
  useEffect(() => ended.forEach((id) => live.socket.unfollow(id)), [ended.join()]);

  const { cols, rows } = layout(views.length);
  return (
    <main class="wall">
      {views.length === 0 ? (
        <div class="wall-empty"><h1>No live sessions right now</h1><p class="muted">Sessions appear here as soon as a trainer starts one.</p></div>
      ) : (
        <div class="tiles" style={{ gridTemplateColumns: `repeat(${cols}, 1fr)`, gridTemplateRows: `repeat(${rows}, 1fr)` }} data-count={views.length}>
          {views.map((v) => <Tile key={v.sessionId} view={v} serverNow={live.serverNow} dense={views.length > 4} />)}
        </div>
      )}
      <footer class="wall-foot">
        <span>{name}</span>
        <ConnectionBadge status={live.status.value} />
      </footer>
    </main>
  );
}
