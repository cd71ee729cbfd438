import { useState } from 'react';
import { type ApiClients, dataOf } from '../../api/client';
import type { Session } from '../../auth/session';
import { FormField } from '../../ui/form-field';
import { Link } from '../../ui/link';
import { LoadedView } from '../../ui/loaded-view';
import { navigate } from '../../ui/router';
import { useLoaded } from '../../ui/use-loaded';
import { ownProgrammes } from './msc-api';

const PAGE_SIZE = 20;

function awaiting(api: ApiClients, page: number, programmeId: string) {
  const query = { page, pageSize: PAGE_SIZE, ...(programmeId ? { programmeId } : {}) };
  return dataOf(api.recognition.GET('/api/recognition/claims', { params: { query } }));
}

const dateOf = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** The body's MSc claims awaiting a decision, oldest first; a claim can also be opened by its id. */
export function ClaimsPage({ api, session }: { api: ApiClients; session: Session }) {
  const [page, setPage] = useState(1);
  const [programmeId, setProgrammeId] = useState('');
  const [claims] = useLoaded(() => awaiting(api, page, programmeId), [api, page, programmeId]);
  const [programmes] = useLoaded(() => ownProgrammes(api, session.organisationId), [api, session]);
  const [claimId, setClaimId] = useState('');
  return (
    <>
      <h1>MSc credit claims</h1>
      <p>
        Claims awaiting a decision, oldest first. A claim leaves this list once every module it proposes
        credit for has been approved or refused. Programmes and their rules are on{' '}
        <Link to="/exam-board/programmes">MSc programmes, modules and rules</Link>.
      </p>
      {programmes.state === 'ready' && programmes.data.length > 0 && (
        <FormField label="Programme">
          <select
            value={programmeId}
            onChange={(event) => {
              setProgrammeId(event.target.value);
              setPage(1);
            }}
          >
            <option value="">All your programmes</option>
            {programmes.data.map((programme) => (
              <option key={programme.id} value={programme.id}>
                {programme.code} {programme.title}
              </option>
            ))}
          </select>
        </FormField>
      )}
      <LoadedView loaded={claims} what="the claims">
        {(found) => (
          <>
            {found.total === 0 && <p>No claims are awaiting a decision.</p>}
            <ul className="cards" aria-label="Claims awaiting a decision">
              {found.items.map((claim) => (
                <li key={claim.id} className="card">
                  <h2 className="card__title">
                    <Link to={`/exam-board/claims/${claim.id}`}>
                      {claim.learner.email ?? `Learner ${claim.learner.id}`}: {claim.programme.code}{' '}
                      {claim.programme.title}
                    </Link>
                  </h2>
                  <dl className="facts facts--stack">
                    <dt>Opened</dt>
                    <dd>{dateOf(claim.openedAt)}</dd>
                    <dt>Proposed</dt>
                    <dd>
                      {claim.proposal.modulesProposed.length
                        ? `${claim.proposal.modulesProposed.join(', ')}: ${claim.proposal.creditsProposed} credits`
                        : 'No module yet'}
                    </dd>
                    <dt>Modules decided</dt>
                    <dd>{claim.proposal.modulesDecided}</dd>
                  </dl>
                </li>
              ))}
            </ul>
            {found.total > PAGE_SIZE && (
              <div className="actions">
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={page === 1}
                  onClick={() => setPage(page - 1)}
                >
                  Older page
                </button>
                <span>
                  Page {page} of {Math.ceil(found.total / PAGE_SIZE)}
                </span>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={page * PAGE_SIZE >= found.total}
                  onClick={() => setPage(page + 1)}
                >
                  Newer page
                </button>
              </div>
            )}
          </>
        )}
      </LoadedView>
      <h2>Open a claim by its id</h2>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(`/exam-board/claims/${encodeURIComponent(claimId.trim())}`);
        }}
      >
        <FormField label="Claim id" hint="As the learner, or whoever opened the claim, gives it.">
          <input value={claimId} onChange={(event) => setClaimId(event.target.value)} required />
        </FormField>
        <button type="submit" className="button">
          Open the claim
        </button>
      </form>
    </>
  );
}
