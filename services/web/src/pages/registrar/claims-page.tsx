import { useState } from 'react';
import { type ApiClients, dataOf } from '../../api/client';
import type { Session } from '../../auth/session';
import { FormField } from '../../ui/form-field';
import { navigate } from '../../ui/router';
import { useLoaded } from '../../ui/use-loaded';

async function ownProgrammes(api: ApiClients, organisationId: string | undefined) {
  const page = await dataOf(
    api.recognition.GET('/api/recognition/programmes', { params: { query: { pageSize: 200 } } }),
  );
  return page.items.filter((programme) => programme.awardingBodyId === organisationId);
}

/**
 * The body's MSc programmes, and a way to a claim. The hub has no list of claims awaiting a registrar's decision,
 * so a claim is opened by its id (the learner, or whoever opened it, has it).
 */
export function ClaimsPage({ api, session }: { api: ApiClients; session: Session }) {
  const [loaded] = useLoaded(() => ownProgrammes(api, session.organisationId), [api, session]);
  const [claimId, setClaimId] = useState('');
  return (
    <>
      <h1>MSc credit claims</h1>
      <p>
        The hub does not list the claims awaiting your decision yet. Open one by the claim id the learner
        gives you, to see the credit it proposes and approve or refuse each module.
      </p>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(`/exam-board/claims/${encodeURIComponent(claimId.trim())}`);
        }}
      >
        <FormField label="Claim id">
          <input value={claimId} onChange={(event) => setClaimId(event.target.value)} required />
        </FormField>
        <button type="submit" className="button">
          Open the claim
        </button>
      </form>
      <h2>Your programmes</h2>
      {loaded.state === 'loading' && <p aria-busy="true">Loading programmes…</p>}
      {loaded.state === 'failed' && <p role="alert">{loaded.error.message}</p>}
      {loaded.state === 'ready' && loaded.data.length === 0 && (
        <p>Your awarding body has no programmes yet.</p>
      )}
      {loaded.state === 'ready' && (
        <ul>
          {loaded.data.map((programme) => (
            <li key={programme.id}>
              {programme.code} {programme.title} ({programme.credits} credits)
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
