import { useCallback } from 'react';
import { type ApiClients, dataOf } from '../../api/client';
import { useLoaded } from './use-loaded';

/** A claim: the proposal in plain words, module by module, and the exam board's decisions. */
export function ClaimPage({ api, claimId }: { api: ApiClients; claimId: string }) {
  const load = useCallback(
    () => dataOf(api.recognition.GET('/api/recognition/claims/{id}', { params: { path: { id: claimId } } })),
    [api, claimId],
  );
  const { value: claim, problem } = useLoaded(load);
  if (problem) return <p role="alert">{problem}</p>;
  if (!claim) return <p aria-busy="true">Loading your claim…</p>;
  const { proposal } = claim;
  const decisionOf = (moduleCode: string) => claim.decisions.find((d) => d.moduleCode === moduleCode);
  return (
    <>
      <h1>Your claim: {claim.programme.title}</h1>
      <p className="lead">
        Proposed: {proposal.creditsProposed} credits (already credited {proposal.creditsAlreadyCredited}, at
        most {proposal.cap}). {proposal.order}
      </p>
      <ul className="cards">
        {proposal.modules.map((module) => {
          const decision = decisionOf(module.moduleCode);
          return (
            <li key={module.moduleCode} className="card">
              <h2 className="card__title">{module.moduleCode}</h2>
              <p>
                {module.exempt ? `Proposed for ${module.credits} credits. ` : 'Not proposed. '}
                {module.explanation}
              </p>
              <p className={`status status--${decisionClass(decision?.decision)}`}>
                {decision
                  ? `${decision.decision === 'approved' ? 'Approved' : 'Refused'} by the exam board${decision.reason ? `: ${decision.reason}` : ''}`
                  : 'Awaiting the exam board’s decision'}
              </p>
            </li>
          );
        })}
      </ul>
      {proposal.unused.length > 0 && (
        <>
          <h2>Credentials not used</h2>
          <ul>
            {proposal.unused.map((unused) => (
              <li key={unused.credentialId}>{unused.explanation}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function decisionClass(decision: string | undefined): string {
  if (decision === 'approved') return 'valid';
  return decision === 'rejected' ? 'invalid' : 'unknown';
}
