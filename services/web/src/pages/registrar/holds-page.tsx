import type { ApiClients } from '../../api/client';
import { dataOf } from '../../api/client';
import { Link } from '../../ui/link';
import { LoadedView } from '../../ui/loaded-view';
import { useLoaded } from '../../ui/use-loaded';
import { enrolmentsOf, namesOf, type Offering, offeringName, offeringsOf } from './body-data';

async function holdsWithContext(api: ApiClients) {
  const [holds, offerings] = await Promise.all([
    dataOf(api.credentials.GET('/api/credentials/holds', { params: { query: { pageSize: 200 } } })),
    offeringsOf(api),
  ]);
  const byId = new Map(offerings.map((offering) => [offering.id, offering]));
  const held = [...new Set(holds.items.map((hold) => hold.offeringId))];
  const names = new Map<string, string>();
  for (const offeringId of held)
    if (byId.has(offeringId))
      for (const [id, name] of namesOf(await enrolmentsOf(api, offeringId))) names.set(id, name);
  return holds.items.map((hold) => ({
    ...hold,
    offering: byId.get(hold.offeringId),
    learner: names.get(hold.learnerId),
  }));
}

/** What releases a hold, in plain words, for the reasons the award rule gives. */
function releaseOf(reason: string, offering: Offering | undefined): string {
  if (reason.includes('not authorised'))
    return `Authorise the delivering partner for ${offering?.courseCode ?? 'this course'} (on Partners and offerings) from a date on or before the learner's completion. The credential is then issued by itself, with nothing more to do.`;
  return 'It is issued by itself once the reason no longer holds.';
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

/** Awards earned but held, with the reason and what would release each. */
export function HoldsPage({ api }: { api: ApiClients }) {
  const [loaded] = useLoaded(() => holdsWithContext(api), [api]);
  if (loaded.state !== 'ready') return <LoadedView loaded={loaded} what="held awards" />;
  return (
    <>
      <h1>Awards on hold</h1>
      <p>
        A learner who earned a credential but whose award could not be issued is listed here with the reason,
        newest first. The hub keeps each hold on this list after it is released, and cannot yet say here which
        have been. Suspended credentials are changed on the{' '}
        <Link to="/exam-board/credentials">credentials page</Link>.
      </p>
      {loaded.data.length === 0 && <p>No awards are on hold.</p>}
      <ul className="cards">
        {loaded.data.map((hold) => (
          <li key={`${hold.offeringId}:${hold.learnerId}:${hold.heldAt}`} className="card">
            <h2 className="card__title">{hold.learner ?? 'A learner'}</h2>
            <dl className="facts facts--stack">
              <dt>Offering</dt>
              <dd>{hold.offering ? offeringName(hold.offering) : hold.offeringId}</dd>
              <dt>Held since</dt>
              <dd>
                {new Date(hold.heldAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}
              </dd>
              <dt>Why</dt>
              <dd>{sentence(hold.reason)}</dd>
              <dt>What releases it</dt>
              <dd>{releaseOf(hold.reason, hold.offering)}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
