import { useEffect, useState } from 'react';
import { type ApiClients, dataOf } from '../api/client';
import { currentSession } from '../auth/session';
import { factsOf } from './credential-summary';
import { type DownloadFormat, downloadCredential } from './download';
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
  const [credentials, setCredentials] = useState<Credential[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    listCredentials(api).then(
      (page) => setCredentials(page.items),
      (error: Error) => setProblem(error.message),
    );
  }, [api]);

  if (problem) return <p role="alert">{problem}</p>;
  if (!credentials) return <p aria-busy="true">Loading your credentials…</p>;
  return (
    <>
      <h1>Your credentials</h1>
      {credentials.length === 0 && (
        <p>You have no credentials yet. They appear here once the exam board has ratified a pass.</p>
      )}
      <ul className="cards">
        {credentials.map((credential) => (
          <CredentialCard
            key={credential.credentialId}
            api={api}
            credential={credential}
            onProblem={setProblem}
          />
        ))}
      </ul>
    </>
  );
}

interface CardProps {
  api: ApiClients;
  credential: Credential;
  onProblem: (message: string) => void;
}

function CredentialCard({ api, credential, onProblem }: CardProps) {
  const facts = factsOf(credential.jwt, credential.achievementName);
  const download = (format: DownloadFormat) => {
    const token = currentSession()?.accessToken ?? '';
    downloadCredential(credential.credentialId, format, token).catch((error: Error) =>
      onProblem(error.message),
    );
  };
  return (
    <li className="card">
      <h2 className="card__title">{facts.course}</h2>
      <dl className="facts">
        {facts.credits !== undefined && (
          <>
            <dt>Credits</dt>
            <dd>{facts.credits}</dd>
          </>
        )}
        {facts.level && (
          <>
            <dt>Level</dt>
            <dd>{facts.level}</dd>
          </>
        )}
        {facts.awardingBody && (
          <>
            <dt>Awarded by</dt>
            <dd>{facts.awardingBody}</dd>
          </>
        )}
        <dt>Issued</dt>
        <dd>{new Date(credential.issuedAt).toLocaleDateString('en-GB', { dateStyle: 'long' })}</dd>
      </dl>
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
    </li>
  );
}
