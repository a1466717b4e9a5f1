import { useEffect, useState } from 'preact/hooks';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ProblemBanner } from '../../../components/ProblemBanner';
import { describe, useLoad } from '../../../components/useLoad';
import { formatDateTime } from '../../../lib/format';
import { api } from '../state';
import type { Page } from './types';

interface Display {
  id: string;
  name: string;
  location: string | null;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

/** How often the list is read again while a just-paired display has not connected yet. */
const CONNECT_POLL_MS = 2_000;

/**
 * Pair a wall display by typing the code it shows (or scanning its QR, which opens this page with the
 * code). A display connects right after it is paired, which sets its `lastSeenAt` (every connection
 * does): until then the list is read again every two seconds, so the trainer sees it come online.
 */
export function DisplaysPage({ code }: { code: string | null }) {
  const list = useLoad(() => api.get<Page<Display>>('/displays?limit=200'), []);
  const [paired, setPaired] = useState<Display | null>(null);
  const pairedNow = paired ? list.data?.items.find((d) => d.id === paired.id) ?? paired : null;
  const connected = Boolean(pairedNow?.lastSeenAt);

  useEffect(() => {
    if (!paired || connected) return;
    const timer = setInterval(() => list.reload(), CONNECT_POLL_MS);
    return () => clearInterval(timer);
  }, [paired?.id, connected]);

  async function claim(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const location = String(form.get('location') ?? '').trim();
    const body = { name: String(form.get('name')).trim(), ...(location ? { location } : {}) };
    try {
      const reply = await api.post<{ display: Display }>(`/displays/pairings/${encodeURIComponent(String(form.get('code')).trim().toUpperCase())}/claim`, body);
      setPaired(reply.display);
      const element = e.target as HTMLFormElement;
      element.reset();
      // A code is used once: the one this page was opened with must not come back with the reset.
      (element.elements.namedItem('code') as HTMLInputElement).value = '';
      list.reload();
    } catch (error) {
      setPaired(null);
      list.setError(describe(error));
    }
  }

  async function revoke(id: string) {
    try {
      await api.delete(`/displays/${id}`);
      list.reload();
    } catch (error) {
      list.setError(describe(error));
    }
  }

  return (
    <section class="stack" aria-labelledby="displays-title">
      <h1 id="displays-title">Wall displays</h1>
      <ProblemBanner message={list.error} onClose={() => list.setError(null)} />
      <form class="card grid-2 pair-form" onSubmit={claim} aria-label="Pair a display">
        <label>Code shown on the display<input name="code" required defaultValue={code ?? ''} autoComplete="off" autoCapitalize="characters" maxLength={12} size={8} class="code-input" /></label>
        <label>Name<input name="name" required maxLength={200} defaultValue="Wall display" /></label>
        <label>Location (optional: shows only sessions there)<input name="location" maxLength={200} /></label>
        <div class="row end"><button type="submit" class="primary">Pair display</button></div>
      </form>
      {pairedNow && (
        <div class="banner info" role="status" data-testid="paired">
          {connected ? `“${pairedNow.name}” is connected: it shows your live sessions now.` : `“${pairedNow.name}” is paired; waiting for it to connect…`}
        </div>
      )}
      <ul class="list">
        {list.data?.items.map((d) => (
          <li key={d.id} class="row between card">
            <span>
              <strong>{d.name}</strong>{d.location ? ` · ${d.location}` : ''}
              <span class="small muted"> · {d.revokedAt ? 'unpaired' : d.lastSeenAt ? `last connected ${formatDateTime(d.lastSeenAt)}` : 'not connected yet'}</span>
            </span>
            {!d.revokedAt && (
              <ConfirmButton label="Unpair" question={`Unpair “${d.name}”? It stops showing sessions at once.`}
                confirm="Unpair display" onConfirm={() => void revoke(d.id)} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
