import { useState } from 'react';
import { type ApiClients, dataOf } from '../api/client';
import { QrCode } from '../ui/qr-code';

type WalletOffer = Awaited<ReturnType<typeof makeOffer>>;

function makeOffer(api: ApiClients, credentialId: string) {
  const path = '/api/credentials/learners/me/credentials/{credentialId}/wallet-offers' as const;
  return dataOf(api.credentials.POST(path, { params: { path: { credentialId } } }));
}

/**
 * Sends the credential to the learner's wallet: a one-time offer shown as a QR code to scan with the phone, a link
 * that opens the Learner Credential Wallet on this phone, and the exchange URL for another VC-API wallet.
 */
export function SendToWallet({ api, credentialId }: { api: ApiClients; credentialId: string }) {
  const [offer, setOffer] = useState<WalletOffer | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const send = () => {
    setProblem(undefined);
    makeOffer(api, credentialId).then(setOffer, (error: Error) => setProblem(error.message));
  };
  return (
    <section className="share" aria-label="Send to a wallet">
      <h3>Wallet</h3>
      {problem && <p role="alert">{problem}</p>}
      {offer ? (
        <div className="share__link">
          <p className="hint">
            Scan the code with your phone, or open the link on it, and accept the credential in your wallet.
            The offer works once, until{' '}
            {new Date(offer.expiresAt).toLocaleTimeString('en-GB', { timeStyle: 'short' })}.
          </p>
          <QrCode text={offer.appLink} label="QR code to receive this credential in your wallet" />
          <div className="actions">
            <a className="button button--secondary" href={offer.deepLink}>
              Open in Learner Credential Wallet
            </a>
          </div>
          <label>
            Exchange URL, for another VC-API wallet
            <input
              className="share__url"
              readOnly
              value={offer.exchangeUrl}
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
        </div>
      ) : (
        <p className="hint">Your wallet receives the credential bound to its own DID.</p>
      )}
      <button type="button" className="button button--secondary" onClick={send}>
        {offer ? 'Make a new offer' : 'Send to a wallet'}
      </button>
    </section>
  );
}
