import { ApiError, type ApiClients, dataOf } from '../../api/client';
import { useLoaded } from '../../ui/use-loaded';
import { NotFoundPage } from '../not-found-page';
import { ModuleDecision } from './module-decision';
import { UnusedCredentials } from '../msc/unused-credentials';

export type Claim = Awaited<ReturnType<typeof claimOf>>;

function claimOf(api: ApiClients, id: string) {
  return dataOf(api.recognition.GET('/api/recognition/claims/{id}', { params: { path: { id } } }));
}

/** A claim for MSc credit: the proposal in plain words, and each module approved or refused with a reason. */
export function ClaimPage({ api, claimId }: { api: ApiClients; claimId: string }) {
  const [loaded, reload] = useLoaded(() => claimOf(api, claimId), [api, claimId]);
  if (loaded.state === 'loading') return <p aria-busy="true">Loading the claim…</p>;
  if (loaded.state === 'not-found') return <NotFoundPage />;
  if (loaded.state === 'processing') return <p aria-busy="true">Being processed…</p>;
  if (loaded.state === 'failed') {
    const status = loaded.error instanceof ApiError ? loaded.error.problem.status : 0;
    if (status === 404 || status === 400) return <NotFoundPage />;
    return <p role="alert">{loaded.error.message}</p>;
  }
  const claim = loaded.data;
  const { proposal } = claim;
  return (
    <>
      <h1>
        Claim for credit in {claim.programme.code} {claim.programme.title}
      </h1>
      <p>
        Proposed: {proposal.creditsProposed} credits, with {proposal.creditsAlreadyCredited} already credited,
        of at most {proposal.cap} by recognition.
      </p>
      <ul className="cards">
        {proposal.modules.map((module) => (
          <ModuleDecision
            key={module.moduleCode}
            api={api}
            claimId={claim.id}
            module={module}
            decision={claim.decisions.find((d) => d.moduleCode === module.moduleCode)}
            onDecided={reload}
          />
        ))}
      </ul>
      <UnusedCredentials unused={proposal.unused} />
    </>
  );
}
