import { useCallback, useState } from 'react';
import { type ApiClients, dataOf } from '../../api/client';
import { Link } from '../../ui/link';
import { navigate } from '../../ui/router';
import { useLoaded } from './use-loaded';

/** Where a learner stands in a programme: credit approved, what each remaining module needs, and a way to claim. */
export function StandingPage({ api, programmeId }: { api: ApiClients; programmeId: string }) {
  const load = useCallback(async () => {
    const [standing, claims] = await Promise.all([
      dataOf(
        api.recognition.GET('/api/recognition/learners/me/programmes/{id}', {
          params: { path: { id: programmeId } },
        }),
      ),
      dataOf(api.recognition.GET('/api/recognition/learners/me/claims', { params: { query: {} } })),
    ]);
    return { standing, claims: claims.items.filter((claim) => claim.programmeId === programmeId) };
  }, [api, programmeId]);
  const { value, problem } = useLoaded(load);
  const [claiming, setClaiming] = useState<string | undefined>();

  const claim = () => {
    setClaiming('Opening your claim…');
    dataOf(api.recognition.POST('/api/recognition/claims', { body: { programmeId } })).then(
      (opened) => navigate(`/msc/claims/${opened.id}`),
      (error: Error) => setClaiming(error.message),
    );
  };

  if (problem) return <p role="alert">{problem}</p>;
  if (!value) return <p aria-busy="true">Loading where you stand…</p>;
  const { standing, claims } = value;
  return (
    <>
      <h1>{standing.programme.title}</h1>
      <p className="lead">
        {standing.creditsCredited} of at most {standing.cap} credits recognised so far.
      </p>
      <h2>Credit approved</h2>
      {standing.credited.length === 0 && <p>None yet.</p>}
      <ul>
        {standing.credited.map((credit) => (
          <li key={credit.moduleCode}>
            {credit.moduleCode}: {credit.credits} credits, decided{' '}
            {new Date(credit.decidedAt).toLocaleDateString('en-GB', { dateStyle: 'long' })}
            {credit.onHold ? ' (on hold while a credential it rests on is suspended)' : ''}
          </li>
        ))}
      </ul>
      <h2>Modules still to do</h2>
      <ul>
        {standing.remaining.map((module) => (
          <li key={module.moduleCode}>
            <strong>
              {module.moduleCode}
              {module.title ? ` ${module.title}` : ''}
            </strong>
            : {module.couldBeCreditedNow ? 'your credentials could count for it now. ' : ''}
            {module.explanation ?? module.needs ?? ''}
          </li>
        ))}
      </ul>
      <h2>Your claims</h2>
      <ul>
        {claims.map((opened) => (
          <li key={opened.id}>
            <Link to={`/msc/claims/${opened.id}`}>
              Claim opened {new Date(opened.openedAt).toLocaleDateString('en-GB', { dateStyle: 'long' })}
            </Link>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={claim}>
        Claim credit with my credentials
      </button>
      {claiming && <p role="status">{claiming}</p>}
    </>
  );
}
