import { useState } from 'preact/hooks';
import { ProblemBanner } from '../../../components/ProblemBanner';
import { QrCode } from '../../../components/QrCode';
import { describe, useLoad } from '../../../components/useLoad';
import { api } from '../state';
import type { Page } from './types';

interface AccessLink {
  id: string;
  label: string | null;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The trainee's phone link: created here, shown as a QR code and a URL (only once), revocable. */
export function AccessLinks({ traineeId }: { traineeId: string }) {
  const links = useLoad(() => api.get<Page<AccessLink>>(`/trainees/${traineeId}/access-links`), [traineeId]);
  const [created, setCreated] = useState<{ url: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function create() {
    try {
      setCreated(await api.post<{ url: string }>(`/trainees/${traineeId}/access-links`, { label: 'Phone' }));
      links.reload();
    } catch (error) {
      setProblem(describe(error));
    }
  }

  async function revoke(id: string) {
    try {
      await api.delete(`/trainees/${traineeId}/access-links/${id}`);
      links.reload();
    } catch (error) {
      setProblem(describe(error));
    }
  }

  return (
    <section class="card stack" aria-labelledby="links-title">
      <div class="row between">
        <h2 id="links-title">Phone access</h2>
        <button type="button" class="primary" onClick={create}>New phone link</button>
      </div>
      <ProblemBanner message={problem ?? links.error} onClose={() => setProblem(null)} />
      {created && (
        <div class="row access-link">
          <QrCode text={created.url} label="QR code of the trainee's access link" />
          <div class="stack spacer">
            <p>Let the trainee scan this, or send them the link. It is shown only now.</p>
            <input readOnly value={created.url} aria-label="Access link" data-testid="access-link" onFocus={(e) => e.currentTarget.select()} />
          </div>
        </div>
      )}
      <ul class="list">
        {links.data?.items.map((l) => (
          <li key={l.id} class="row between">
            <span>
              {l.label ?? 'Link'} · created {new Date(l.createdAt).toLocaleDateString()}
              {l.revokedAt ? ' · revoked' : l.lastUsedAt ? ` · last used ${new Date(l.lastUsedAt).toLocaleString()}` : ' · not used yet'}
            </span>
            {!l.revokedAt && <button type="button" class="danger" onClick={() => void revoke(l.id)}>Revoke</button>}
          </li>
        ))}
      </ul>
    </section>
  );
}
