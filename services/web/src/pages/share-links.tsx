import { useCallback, useEffect, useState } from 'react';
import { type ApiClients, dataOf, succeeded } from '../api/client';
import { QrCode } from '../ui/qr-code';

type ShareLink = Awaited<ReturnType<typeof listLinks>>['items'][number];

function listLinks(api: ApiClients) {
  return dataOf(api.credentials.GET('/api/credentials/learners/me/share-links', { params: { query: {} } }));
}

/**
 * A credential's share links: made, copied, shown as a QR code and withdrawn. Anyone with a link sees the
 * credential verified on /verify until it is withdrawn.
 */
export function ShareLinks({ api, credentialId }: { api: ApiClients; credentialId: string }) {
  const [links, setLinks] = useState<ShareLink[]>([]);
  const [problem, setProblem] = useState<string | undefined>();
  const refresh = useCallback(() => {
    listLinks(api).then(
      (page) =>
        setLinks(
          page.items.filter(
            (link) => link.credentialId === credentialId && link.purpose === 'share' && !link.withdrawnAt,
          ),
        ),
      (error: Error) => setProblem(error.message),
    );
  }, [api, credentialId]);
  useEffect(refresh, [refresh]);

  const make = () => {
    const path = '/api/credentials/learners/me/credentials/{credentialId}/share-links' as const;
    dataOf(api.credentials.POST(path, { params: { path: { credentialId } } })).then(refresh, (error: Error) =>
      setProblem(error.message),
    );
  };
  const withdraw = (token: string) => {
    if (!window.confirm('Withdraw this link? Anyone who has it will no longer see your credential.')) return;
    const path = '/api/credentials/learners/me/share-links/{token}/withdrawal' as const;
    succeeded(api.credentials.POST(path, { params: { path: { token } } })).then(refresh, (error: Error) =>
      setProblem(error.message),
    );
  };

  return (
    <section className="share" aria-label="Share links">
      <h3>Share links</h3>
      {problem && <p role="alert">{problem}</p>}
      {links.length === 0 && (
        <p className="hint">No share links yet. A link lets an employer check this credential.</p>
      )}
      <ul className="share__links">
        {links.map((link) => (
          <SharedLink key={link.token} link={link} onWithdraw={() => withdraw(link.token)} />
        ))}
      </ul>
      <button type="button" className="button button--secondary" onClick={make}>
        Make a share link
      </button>
    </section>
  );
}

function SharedLink({ link, onWithdraw }: { link: ShareLink; onWithdraw: () => void }) {
  const [copied, setCopied] = useState(false);
  const [showQr, setShowQr] = useState(false);
  const copy = () => {
    navigator.clipboard.writeText(link.url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <li className="share__link">
      <label>
        Link
        <input className="share__url" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={copy}>
          {copied ? 'Copied' : 'Copy link'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setShowQr(!showQr)}>
          {showQr ? 'Hide QR code' : 'Show QR code'}
        </button>
        <button type="button" className="button button--danger" onClick={onWithdraw}>
          Withdraw
        </button>
      </div>
      {showQr && <QrCode text={link.url} label={`QR code for ${link.url}`} />}
    </li>
  );
}
