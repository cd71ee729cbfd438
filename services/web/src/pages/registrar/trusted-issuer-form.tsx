import { useState } from 'react';
import { type ApiClients, dataOf } from '../../api/client';
import { FormField, fieldErrorsOf, formProblemOf } from '../../ui/form-field';

const FIELDS = ['issuerId', 'name', 'jwksUrl'];

/** Adds an external issuer to the body's trust list; the API fetches its keys first and says why it could not. */
export function TrustedIssuerForm({
  api,
  organisationId,
  onAdded,
}: {
  api: ApiClients;
  organisationId: string;
  onAdded: () => void;
}) {
  const [issuerId, setIssuerId] = useState('');
  const [name, setName] = useState('');
  const [jwksUrl, setJwksUrl] = useState('');
  const [error, setError] = useState<unknown>();
  const errors = fieldErrorsOf(error);
  const add = () => {
    setError(undefined);
    const path = '/api/credentials/organisations/{organisationId}/trust-list' as const;
    const body = { issuerId: issuerId.trim(), name, ...(jwksUrl.trim() ? { jwksUrl: jwksUrl.trim() } : {}) };
    dataOf(api.credentials.POST(path, { params: { path: { organisationId } }, body })).then(() => {
      setIssuerId('');
      setName('');
      setJwksUrl('');
      onAdded();
    }, setError);
  };
  const problem = formProblemOf(error, FIELDS);
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        add();
      }}
    >
      <FormField
        label="Issuer id"
        hint="As its credentials name it: an https URL, a did:web or a did:key."
        error={errors.issuerId}
      >
        <input value={issuerId} onChange={(event) => setIssuerId(event.target.value)} />
      </FormField>
      <FormField label="Name" error={errors.name}>
        <input value={name} onChange={(event) => setName(event.target.value)} />
      </FormField>
      <FormField
        label="Key set URL (for an https issuer)"
        hint="Where it publishes its public keys (a JWK set)."
        error={errors.jwksUrl}
      >
        <input value={jwksUrl} onChange={(event) => setJwksUrl(event.target.value)} />
      </FormField>
      {problem && <p role="alert">{problem}</p>}
      <button type="submit" className="button">
        Trust this issuer
      </button>
    </form>
  );
}
