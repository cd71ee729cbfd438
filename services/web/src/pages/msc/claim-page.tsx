import { type ApiClients, dataOf } from '../../api/client';
import { LoadedView } from '../../ui/loaded-view';
import { useLoaded } from '../../ui/use-loaded';
import { UnusedCredentials } from './unused-credentials';

/** A claim: the proposal in plain words, module by module, and the exam board's decisions. */
export function ClaimPage({ api, claimId }: { api: ApiClients; claimId: string }) {
  const [loaded] = useLoaded(() => loadClaim(api, claimId), [api, claimId]);
  return (
    <LoadedView loaded={loaded} what="your claim">
      {(claim) => <ClaimView claim={claim} />}
    </LoadedView>
  );
}

type Claim = Awaited<ReturnType<typeof loadClaim>>;

function loadClaim(api: ApiClients, claimId: string) {
  return dataOf(api.recognition.GET('/api/recognition/claims/{id}', { params: { path: { id: claimId } } }));
}

function ClaimView({ claim }: { claim: Claim }) {
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
      <UnusedCredentials unused={proposal.unused} />
    </>
  );
}

function decisionClass(decision: string | undefined): string {
  if (decision === 'approved') return 'valid';
  return decision === 'rejected' ? 'invalid' : 'unknown';
}
