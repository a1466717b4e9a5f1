import { useState } from 'preact/hooks';
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

/** Pair a wall display by typing the code it shows (or scanning its QR, which opens this page with the code). */
export function DisplaysPage({ code }: { code: string | null }) {
  const list = useLoad(() => api.get<Page<Display>>('/displays?limit=200'), []);
  const [paired, setPaired] = useState<string | null>(null);

  async function claim(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const location = String(form.get('location') ?? '').trim();
    const body = { name: String(form.get('name')).trim(), ...(location ? { location } : {}) };
    try {
      const reply = await api.post<{ display: Display }>(`/displays/pairings/${encodeURIComponent(String(form.get('code')).trim().toUpperCase())}/claim`, body);
      setPaired(reply.display.name);
      (e.target as HTMLFormElement).reset();
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
      <form class="card grid-2" onSubmit={claim} aria-label="Pair a display">
        <label>Code shown on the display<input name="code" required defaultValue={code ?? ''} autoComplete="off" autoCapitalize="characters" maxLength={12} class="code-input" /></label>
        <label>Name<input name="name" required maxLength={200} defaultValue="Wall display" /></label>
        <label>Location (optional: shows only sessions there)<input name="location" maxLength={200} /></label>
        <div class="row end"><button type="submit" class="primary">Pair display</button></div>
      </form>
      {paired && <div class="banner info" role="status">“{paired}” is paired: it shows your live sessions now.</div>}
      <ul class="list">
        {list.data?.items.map((d) => (
          <li key={d.id} class="row between card">
            <span>
              <strong>{d.name}</strong>{d.location ? ` · ${d.location}` : ''}
              <span class="small muted"> · {d.revokedAt ? 'revoked' : d.lastSeenAt ? `seen ${formatDateTime(d.lastSeenAt)}` : 'not seen yet'}</span>
            </span>
            {!d.revokedAt && (
              <ConfirmButton label="Unpair" question={`Unpair “${d.name}”? It goes blank at once and must be paired again to show sessions.`}
                confirm="Unpair display" onConfirm={() => void revoke(d.id)} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
