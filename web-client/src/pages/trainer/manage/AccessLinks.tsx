import { useRef, useState } from 'preact/hooks';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ProblemBanner } from '../../../components/ProblemBanner';
import { QrCode } from '../../../components/QrCode';
import { describe, useLoad } from '../../../components/useLoad';
import { formatDate, formatDateTime } from '../../../lib/format';
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
  const [copied, setCopied] = useState(false);
  const linkField = useRef<HTMLInputElement>(null);

  async function create() {
    try {
      setCreated(await api.post<{ url: string }>(`/trainees/${traineeId}/access-links`, { label: 'Phone' }));
      links.reload();
    } catch (error) {
      setProblem(describe(error));
    }
  }

  /**
   * The clipboard API exists only in secure contexts (https or localhost), and a tablet often opens
   * Spotter over plain http on the gym's network: there the link is selected and copied the old way.
   */
  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      linkField.current?.select();
      if (!document.execCommand('copy')) return setProblem('Copying is not allowed here: the link is selected, copy it by hand.');
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
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
            <div class="row">
              <input ref={linkField} class="spacer" readOnly value={created.url} aria-label="Access link" data-testid="access-link" onFocus={(e) => e.currentTarget.select()} />
              <button type="button" onClick={() => void copy(created.url)} data-testid="copy-link">{copied ? 'Copied' : 'Copy link'}</button>
            </div>
            <span class="sr-only" role="status">{copied ? 'Link copied' : ''}</span>
          </div>
        </div>
      )}
      <ul class="list">
        {links.data?.items.map((l) => (
          <li key={l.id} class="row between">
            <span>
              {l.label ?? 'Link'} · created {formatDate(l.createdAt)}
              {l.revokedAt ? ' · revoked' : l.lastUsedAt ? ` · last used ${formatDateTime(l.lastUsedAt)}` : ' · not used yet'}
            </span>
            {!l.revokedAt && (
              <ConfirmButton label="Revoke" question={`Revoke the link “${l.label ?? 'Link'}”? The phone using it is signed out at once.`}
                confirm="Revoke link" onConfirm={() => void revoke(l.id)} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
