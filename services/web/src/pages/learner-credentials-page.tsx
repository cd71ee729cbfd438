import { useState } from 'react';
import { type ApiClients, dataOf } from '../api/client';
import { currentSession } from '../auth/session';
import { longDate } from '../ui/dates';
import { type Fact, FactsList } from '../ui/facts-list';
import { LoadedView } from '../ui/loaded-view';
import { useLoaded } from '../ui/use-loaded';
import { CredentialStatus } from './credential-status';
import { summaryOf } from './credential-summary';
import { type DownloadFormat, downloadCredential } from './download';
import { SendToWallet } from './send-to-wallet';
import { ShareLinks } from './share-links';

type Credential = Awaited<ReturnType<typeof listCredentials>>['items'][number];

function listCredentials(api: ApiClients) {
  return dataOf(api.credentials.GET('/api/credentials/learners/me/credentials', { params: { query: {} } }));
}

const FORMATS: { format: DownloadFormat; label: string }[] = [
  { format: 'pdf', label: 'Certificate (PDF)' },
  { format: 'jwt', label: 'Signed credential (.jwt)' },
  { format: 'json', label: 'Credential (.json)' },
  { format: 'data-integrity', label: 'For wallets (Data Integrity .json)' },
];

/** A learner's credentials: what each certifies, and its files. */
export function LearnerCredentialsPage({ api }: { api: ApiClients }) {
  const [loaded] = useLoaded(() => listCredentials(api), [api]);
  // A download or share that failed: said above the list, which stays as it was.
  const [problem, setProblem] = useState<string | undefined>();
  return (
    <>
      <h1>Your credentials</h1>
      {problem && <p role="alert">{problem}</p>}
      <LoadedView loaded={loaded} what="your credentials">
        {({ items }) => (
          <>
            {items.length === 0 && (
              <p>You have no credentials yet. They appear here once the exam board has ratified a pass.</p>
            )}
            <ul className="cards">
              {items.map((credential) => (
                <CredentialCard
                  key={credential.credentialId}
                  api={api}
                  credential={credential}
                  onProblem={setProblem}
                />
              ))}
            </ul>
          </>
        )}
      </LoadedView>
    </>
  );
}

interface CardProps {
  api: ApiClients;
  credential: Credential;
  onProblem: (message: string) => void;
}

function CredentialCard({ api, credential, onProblem }: CardProps) {
  const facts = summaryOf(credential.jwt);
  const rows: Fact[] = [
    [
      'Credits',
      facts.credits === undefined ? undefined : `${facts.credits} ${facts.creditScheme ?? 'credits'}`,
    ],
    ['Level', facts.level],
    ['Results', facts.results.length > 0 ? facts.results.join(' · ') : undefined],
    ['Awarded by', facts.awardingBody],
    ['Delivered by', facts.deliveringPartner],
    ['Awarded on', facts.awardedOn && longDate(facts.awardedOn)],
    ['Valid until', facts.validUntil && longDate(facts.validUntil)],
  ];
  const download = (format: DownloadFormat) => {
    const token = currentSession()?.accessToken ?? '';
    downloadCredential(credential.credentialId, format, token).catch((error: Error) =>
      onProblem(error.message),
    );
  };
  return (
    <li className="card">
      <h2 className="card__title">{facts.course ?? credential.achievementName}</h2>
      <CredentialStatus api={api} jwt={credential.jwt} />
      <FactsList rows={rows} />
      <div className="actions">
        {FORMATS.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            className="button button--secondary"
            onClick={() => download(format)}
          >
            {label}
          </button>
        ))}
      </div>
      <ShareLinks api={api} credentialId={credential.credentialId} />
      <SendToWallet api={api} credentialId={credential.credentialId} />
    </li>
  );
}
