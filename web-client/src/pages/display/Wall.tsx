import { useEffect, useMemo, useState } from 'preact/hooks';
import { allViews, startedFirst, type Live } from '../../lib/liveSignals';
import { formatTime } from '../../lib/format';
import { computedIds } from '../../lib/sessionSignals';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { WithSession } from '../../components/WithSession';
import { Tile } from './Tile';

/**
 * Tiles per row for n sessions on a 16:9 wall: 1 full, 2 halves, 3 thirds, 4 as 2×2, 5–6 on two rows
 * of three, 7–8 on two rows of four; more go four to a row. A screen on its side stacks them two to a
 * row (one for one or two). Rows are filled evenly and the tiles of a shorter row stretch, so no cell
 * is ever left empty.
 */
export function layout(n: number, portrait = false): number[] {
  if (n <= 0) return [];
  const perRow = portrait ? (n <= 2 ? 1 : 2) : n <= 3 ? n : n === 4 ? 2 : n <= 6 ? 3 : 4;
  const rows = Math.ceil(n / perRow);
  return Array.from({ length: rows }, (_, r) => Math.floor(n / rows) + (r < n % rows ? 1 : 0));
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Grid columns (the rows' counts' least common multiple) and how many of them each tile spans. */
function gridOf(rows: number[]): { columns: number; spans: number[] } {
  const columns = rows.reduce((l, n) => (l * n) / gcd(l, n), 1);
  return { columns, spans: rows.flatMap((n) => Array<number>(n).fill(columns / n)) };
}

export function Wall({ live, name }: { live: Live; name: string }) {
  const lists = useMemo(() => ({
    running: computedIds(() => allViews(live).filter((v) => v.state.record.status === 'live').sort(startedFirst).map((v) => v.sessionId)),
    ended: computedIds(() => allViews(live).filter((v) => v.state.record.status !== 'live').map((v) => v.sessionId)),
  }), [live]);
  const ids = lists.running.value;

  // A session that ended leaves the wall (the server has stopped sending it).
  const ended = lists.ended.value;
  useEffect(() => ended.forEach((id) => live.socket.unfollow(id)), [ended]);

  const rows = layout(ids.length, innerHeight > innerWidth);
  const { columns, spans } = gridOf(rows);
  return (
    <main class="wall">
      {ids.length === 0 ? (
        <Idle name={name} />
      ) : (
        <div class="tiles" data-count={ids.length}
          style={{ gridTemplateColumns: `repeat(${columns}, 1fr)`, gridTemplateRows: `repeat(${rows.length}, minmax(0, 1fr))` }}>
          {ids.map((id, i) => (
            <div key={id} class="tile-cell" style={{ gridColumn: `span ${spans[i]}` }}>
              <WithSession live={live} id={id}>{(view) => <Tile view={view} serverNow={live.serverNow} socket={live.socket} />}</WithSession>
            </div>
          ))}
        </div>
      )}
      <footer class="wall-foot">
        <span>{ids.length > 0 ? name : ''}</span>
        <ConnectionBadge status={live.status.value} />
      </footer>
    </main>
  );
}

/** No live session: the display's name, the time, and that it is waiting. */
function Idle({ name }: { name: string }) {
  const now = useNow(1_000);
  return (
    <div class="wall-idle" data-testid="wall-idle">
      <h1 class="wall-idle-name">{name || 'Spotter'}</h1>
      <time class="wall-clock num" dateTime={new Date(now).toISOString()}>{formatTime(now)}</time>
      <p class="wall-idle-note">Waiting for a session</p>
    </div>
  );
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
