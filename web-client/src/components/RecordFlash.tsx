import { useEffect, useState } from 'preact/hooks';
import { formatNumber } from '../lib/format';
import type { PersonalRecord } from '../lib/protocol';
import type { LiveSocket } from '../lib/socket';

/** How long a record stays on screen. */
export const FLASH_MS = 8_000;

/** "PR: Back squat 120 kg × 3 — e1RM 133.5": the set that set the records, once for all of them. */
export function recordText(records: readonly PersonalRecord[]): string {
  return `PR: ${records[0]!.exerciseName} ${recordSet(records)}`;
}

/** "120 kg × 3 — e1RM 133.5": the set of {@link recordText} without its exercise. */
function recordSet(records: readonly PersonalRecord[]): string {
  const r = records[0]!;
  const load = r.weight > 0 ? `${formatNumber(r.weight)} ${r.unit} × ${formatNumber(r.reps)}` : `${formatNumber(r.reps)} reps`;
  return `${load}${r.e1rm != null ? ` — e1RM ${formatNumber(r.e1rm)}` : ''}`;
}

/** What each record beat: "e1RM 127.5 (was 115.9)", "weight 110 kg (was 100 kg)", "5 reps (was 4)". */
export function recordDetail(r: PersonalRecord): string {
  if (r.kind === 'reps') return `${formatNumber(r.value)} reps at ${formatNumber(r.weight)} ${r.unit}${r.previous != null ? ` (was ${formatNumber(r.previous)})` : ''}`;
  const name = r.kind === 'e1rm' ? 'e1RM' : 'weight';
  return `${name} ${formatNumber(r.value)} ${r.unit}${r.previous != null ? ` (was ${formatNumber(r.previous)} ${r.unit})` : ''}`;
}

/** The records of a set event, if it carries any. */
function recordsOf(payload: { records?: PersonalRecord[] }): PersonalRecord[] {
  return payload.records ?? [];
}

/**
 * The records set in one session as its events arrive: `flash` is the latest set's for FLASH_MS (null
 * otherwise), `today` every record seen, starting from `initial` (the summary's), a changed set's
 * replaced by what it now holds and a deleted set's dropped.
 */
export function useSessionRecords(socket: LiveSocket, sessionId: string, initial: readonly PersonalRecord[] = []) {
  const [flash, setFlash] = useState<PersonalRecord[] | null>(null);
  const [today, setToday] = useState<PersonalRecord[]>([...initial]);
  useEffect(() => setToday((now) => merge(initial, now)), [initial]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = socket.onEventApplied((event) => {
      if (event.sessionId !== sessionId) return;
      if (event.name === 'set-deleted') {
        setToday((now) => now.filter((r) => r.setId !== event.payload.setId || r.exerciseRecordId !== event.payload.exerciseRecordId));
        return;
      }
      if (event.name !== 'set-logged' && event.name !== 'set-updated') return;
      if (event.name === 'set-updated' && !event.payload.records) return;
      const records = recordsOf(event.payload);
      const set = event.payload.set.id;
      setToday((now) => [...now.filter((r) => r.setId !== set || r.exerciseRecordId !== event.payload.exerciseRecordId), ...records]);
      if (records.length === 0) return;
      setFlash(records);
      clearTimeout(timer);
      timer = setTimeout(() => setFlash(null), FLASH_MS);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [socket, sessionId]);
  return { flash, today };
}

/** Records known before plus those seen since, each set's once. */
function merge(initial: readonly PersonalRecord[], seen: readonly PersonalRecord[]): PersonalRecord[] {
  const key = (r: PersonalRecord) => `${r.exerciseRecordId}|${r.setId}|${r.kind}`;
  const keys = new Set(seen.map(key));
  return [...initial.filter((r) => !keys.has(key(r))), ...seen];
}

/**
 * A record, celebrated: a banner on the tablet and the phone, the middle of its tile on the wall (the
 * exercise and the set on lines of their own, which a small tile can fit). It is a polite live region,
 * so a screen reader says it once; motion only without prefers-reduced-motion.
 */
export function RecordFlash({ records, variant }: { records: readonly PersonalRecord[] | null; variant: 'banner' | 'tile' }) {
  if (!records || records.length === 0) return null;
  return (
    <div class={`record-flash record-flash-${variant}`} role="status" data-testid="record-flash">
      {variant === 'tile' ? (
        <>
          <strong class="record-flash-title">PR: {records[0]!.exerciseName}</strong>{' '}
          <strong class="record-flash-set num">{recordSet(records)}</strong>{' '}
        </>
      ) : (
        <><strong class="record-flash-title num">{recordText(records)}</strong>{' '}</>
      )}
      <span class="record-flash-detail num">{records.map(recordDetail).join(' · ')}</span>
    </div>
  );
}

/** A list of records, grouped by the set that set them: the phone's today and the summary. */
export function RecordList({ records, heading }: { records: readonly PersonalRecord[]; heading: string }) {
  if (records.length === 0) return null;
  const bySet = new Map<string, PersonalRecord[]>();
  records.forEach((r) => {
    const key = `${r.exerciseRecordId}|${r.setId}`;
    bySet.set(key, [...(bySet.get(key) ?? []), r]);
  });
  return (
    <div class="record-list">
      <h2 class="small muted">{heading}</h2>
      <ul data-testid="record-list">
        {[...bySet.entries()].map(([key, set]) => (
          <li key={key}>
            <strong class="num">{recordText(set).replace(/^PR: /, '')}</strong>
            <span class="small muted num"> {set.map(recordDetail).join(' · ')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
