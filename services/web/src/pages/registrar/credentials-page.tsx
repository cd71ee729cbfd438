import { useState } from 'react';
import type { ApiClients } from '../../api/client';
import type { Session } from '../../auth/session';
import { FormField } from '../../ui/form-field';
import { type FoundCredential, lookUpCredential } from './credential-lookup';
import { CredentialSearch } from './credential-search';
import { type CredentialStatus, StatusChange } from './status-change';

const STATUS_WORDS: Record<string, string> = {
  valid: 'Valid',
  revoked: 'Revoked',
  suspended: 'Suspended',
  expired: 'Expired',
};

/**
 * A registrar searches the body's credentials, or finds one from a link a learner or employer gives, and revokes,
 * suspends or reinstates it.
 */
export function CredentialsPage({ api, session }: { api: ApiClients; session: Session }) {
  const [given, setGiven] = useState('');
  const [found, setFound] = useState<FoundCredential | undefined>();
  const [status, setStatus] = useState<CredentialStatus | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const find = () => {
    setFound(undefined);
    setStatus(undefined);
    setProblem(undefined);
    lookUpCredential(api, given, session.organisationId).then(setFound, (error: Error) =>
      setProblem(error.message),
    );
  };
  return (
    <>
      <h1>Issued credentials</h1>
      <p>
        Find the credentials your awarding body has issued by course or learner, newest first, and revoke,
        suspend or reinstate one with a reason.
      </p>
      <CredentialSearch api={api} />
      <details className="disclosure">
        <summary>Find one from a certificate or share link</summary>
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            find();
          }}
        >
          <FormField
            label="Certificate or share link, credential, or credential id"
            hint="The link under the certificate's QR code, a share link, the signed credential (.jwt), or its id (urn:uuid:…)."
            error={problem}
          >
            <textarea value={given} onChange={(event) => setGiven(event.target.value)} rows={3} required />
          </FormField>
          <button type="submit" className="button">
            Find the credential
          </button>
        </form>
        {found && <FoundCredentialView api={api} found={found} status={status} onChanged={setStatus} />}
      </details>
    </>
  );
}

interface FoundProps {
  api: ApiClients;
  found: FoundCredential;
  status: CredentialStatus | undefined;
  onChanged: (status: CredentialStatus) => void;
}

function FoundCredentialView({ api, found, status, onChanged }: FoundProps) {
  const summary = found.verification?.summary;
  const now = status
    ? status.revoked
      ? 'Revoked'
      : status.suspended
        ? 'Suspended'
        : 'Valid'
    : found.verification && (STATUS_WORDS[found.verification.status] ?? found.verification.headline);
  return (
    <section className="card" aria-labelledby="found-title">
      <h2 id="found-title" className="card__title">
        {summary?.course ?? 'Credential'}
      </h2>
      <dl className="facts">
        <dt>Id</dt>
        <dd>{found.credentialId}</dd>
        {summary?.learnerName && (
          <>
            <dt>Learner</dt>
            <dd>{summary.learnerName}</dd>
          </>
        )}
        {summary?.awardedOn && (
          <>
            <dt>Awarded</dt>
            <dd>{summary.awardedOn}</dd>
          </>
        )}
        {now && (
          <>
            <dt>Status</dt>
            <dd>
              <span role="status">{now}</span>
            </dd>
          </>
        )}
      </dl>
      {status?.revoked ? (
        <p>A revoked credential stays revoked.</p>
      ) : (
        <StatusChange api={api} credentialId={found.credentialId} onChanged={onChanged} />
      )}
    </section>
  );
}
