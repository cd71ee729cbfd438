import { useEffect, useState } from 'react';
import { type ApiClients, dataOf } from '../api/client';

/**
 * The credential's standing now, as anyone checking it would see it: the public verification API's verdict (valid,
 * revoked or suspended with the issuer's reason, expired, ...), not the app's own guess.
 */
export function CredentialStatus({ api, jwt }: { api: ApiClients; jwt: string }) {
  const [verdict, setVerdict] = useState<{ status: string; headline: string; reason?: string } | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    dataOf(api.credentials.POST('/api/credentials/verify', { body: { credential: jwt } })).then(
      setVerdict,
      (error: Error) => setProblem(error.message),
    );
  }, [api, jwt]);
  if (problem) return <p className="status status--unknown">Status could not be checked: {problem}</p>;
  if (!verdict) return <p className="status status--unknown">Checking its status…</p>;
  return (
    <p className={`status status--${verdict.status === 'valid' ? 'valid' : 'invalid'}`}>
      {verdict.headline}
      {verdict.reason ? ` (${verdict.reason})` : ''}
    </p>
  );
}
