import { useEffect, useState } from 'preact/hooks';
import { QrCode } from '../../components/QrCode';
import type { DisplayInfo } from '../../lib/auth';
import { Rest } from '../../lib/rest';

const api = new Rest(null);
const POLL_MS = 2_000;

/** As large as fits beside (or, on a narrow screen, under) the code; displays do not change size. */
const qrSize = () => Math.round(Math.min(320, innerWidth * 0.7, innerHeight * 0.36));

interface Pending {
  code: string;
  pairingSecret: string;
  expiresAt: string;
}

/** A large code (and a QR that opens the trainer's pairing page with it) until a trainer claims it. */
export function Pairing({ onPaired }: { onPaired: (token: string, display: DisplayInfo) => void }) {
  const [pairing, setPairing] = useState<Pending | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    let current: Pending | null = null;
    const poll = async () => {
      try {
        if (!current || Date.parse(current.expiresAt) < Date.now()) {
          current = await api.post<Pending>('/displays/pairings');
          setPairing(current);
        }
        const reply = await api.call<{ displayToken?: string; display?: DisplayInfo }>(
          'GET', `/displays/pairings/${current.code}?secret=${encodeURIComponent(current.pairingSecret)}`);
        if (reply.status === 200 && reply.data.displayToken && reply.data.display) {
          onPaired(reply.data.displayToken, reply.data.display);
          return;
        }
        setProblem(null);
      } catch (error) {
        const status = (error as { status?: number }).status;
        if (status === 404 || status === 410) current = null; // expired or already used: start over
        else setProblem('Cannot reach the server; trying again.');
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  const claimUrl = pairing ? `${location.origin}/trainer/#/displays?code=${pairing.code}` : '';
  return (
    <main class="wall pairing">
      <h1>Pair this display</h1>
      {pairing ? (
        <div class="pairing-body">
          <div>
            <p class="muted">On the trainer's tablet open <strong>Displays</strong> and type</p>
            <p class="pairing-code" data-testid="pairing-code" aria-label={`Pairing code ${pairing.code.split('').join(' ')}`}>{pairing.code}</p>
            <p class="muted">or scan the code with the tablet.</p>
          </div>
          <QrCode text={claimUrl} size={qrSize()} label="QR code that opens the pairing page on the trainer's tablet" />
        </div>
      ) : (
        <p class="muted">Getting a code…</p>
      )}
      {problem && <p class="muted" role="status">{problem}</p>}
    </main>
  );
}
