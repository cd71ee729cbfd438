import { useState } from 'react';
import { type ApiClients, dataOf, succeeded } from '../../api/client';
import type { Session } from '../../auth/session';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { LoadedView } from '../../ui/loaded-view';
import { useLoaded } from '../../ui/use-loaded';
import { TrustedIssuerForm } from './trusted-issuer-form';

type Entry = Awaited<ReturnType<typeof trustListOf>>[number];

async function trustListOf(api: ApiClients, organisationId: string) {
  const path = '/api/credentials/organisations/{organisationId}/trust-list' as const;
  const page = await dataOf(
    api.credentials.GET(path, { params: { path: { organisationId }, query: { pageSize: 200 } } }),
  );
  return page.items;
}

const WHO: Record<Entry['trustedBy'], string> = {
  hub: 'The hub, for everyone',
  organisation: 'Your awarding body',
};

/** The issuers the body's verifications trust: our own bodies, the hub-wide list, and the body's own entries. */
export function TrustListPage({ api, session }: { api: ApiClients; session: Session }) {
  const organisationId = session.organisationId ?? '';
  const [loaded, reload] = useLoaded(() => trustListOf(api, organisationId), [api, organisationId]);
  const [removing, setRemoving] = useState<Entry | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  if (loaded.state !== 'ready') return <LoadedView loaded={loaded} what="the trust list" />;
  const remove = (entry: Entry) => {
    setRemoving(undefined);
    const path = '/api/credentials/organisations/{organisationId}/trust-list/removal' as const;
    succeeded(
      api.credentials.POST(path, {
        params: { path: { organisationId } },
        body: { issuerId: entry.issuerId },
      }),
    ).then(reload, (error: Error) => setProblem(error.message));
  };
  return (
    <>
      <h1>Trust list</h1>
      <p>
        Credentials from these issuers count as trusted when your awarding body verifies them, e.g. in MSc
        claims.
      </p>
      {problem && <p role="alert">{problem}</p>}
      <ul className="cards">
        {loaded.data.map((entry) => (
          <li key={entry.issuerId} className="card">
            <h2 className="card__title">{entry.name}</h2>
            <dl className="facts facts--stack">
              <dt>Issuer</dt>
              <dd>{entry.issuerId}</dd>
              <dt>Trusted by</dt>
              <dd>{entry.kind === 'own' ? 'An awarding body of this hub' : WHO[entry.trustedBy]}</dd>
            </dl>
            {entry.kind === 'external' && entry.trustedBy === 'organisation' && (
              <button type="button" className="button button--danger" onClick={() => setRemoving(entry)}>
                Stop trusting {entry.name}
              </button>
            )}
          </li>
        ))}
      </ul>
      <h2>Trust another issuer</h2>
      <TrustedIssuerForm api={api} organisationId={organisationId} onAdded={reload} />
      <ConfirmDialog
        open={removing !== undefined}
        title={`Stop trusting ${removing?.name ?? 'this issuer'}?`}
        confirmLabel="Stop trusting"
        danger
        onConfirm={() => removing && remove(removing)}
        onCancel={() => setRemoving(undefined)}
      >
        <p>
          Its credentials will be reported as from an untrusted issuer in your awarding body&apos;s
          verifications.
        </p>
      </ConfirmDialog>
    </>
  );
}
