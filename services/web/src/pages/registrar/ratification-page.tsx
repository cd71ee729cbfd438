import type { ApiClients } from '../../api/client';
import { Link } from '../../ui/link';
import { LoadedView } from '../../ui/loaded-view';
import { useLoaded } from '../../ui/use-loaded';
import { type Offering, offeringName, offeringsOf, resultsIfKnown } from './body-data';

interface Awaiting {
  offering: Offering;
  provisional: number;
}

/** Offerings of the body with provisional results, i.e. what the exam board has to ratify. */
async function awaitingRatification(api: ApiClients): Promise<Awaiting[]> {
  const offerings = await offeringsOf(api);
  const counted = await Promise.all(
    offerings.map(async (offering) => {
      const results = (await resultsIfKnown(api, offering.id)) ?? [];
      return { offering, provisional: results.filter((r) => r.status === 'provisional').length };
    }),
  );
  return counted.filter((entry) => entry.provisional > 0);
}

/** The exam board's list: each offering with results awaiting ratification, and how many. */
export function RatificationPage({ api }: { api: ApiClients }) {
  const [loaded] = useLoaded(() => awaitingRatification(api), [api]);
  if (loaded.state !== 'ready') return <LoadedView loaded={loaded} what="results awaiting ratification" />;
  return (
    <>
      <h1>Results awaiting ratification</h1>
      <p>
        Marks count for awards only once the exam board ratifies them. Open an offering to check its
        provisional results and ratify them in one step.
      </p>
      {loaded.data.length === 0 && <p>No results are awaiting ratification.</p>}
      <ul className="cards">
        {loaded.data.map(({ offering, provisional }) => (
          <li key={offering.id} className="card">
            <h2 className="card__title">{offeringName(offering)}</h2>
            <p>
              {provisional} provisional {provisional === 1 ? 'result' : 'results'}
            </p>
            <Link to={`/exam-board/offerings/${offering.id}`}>
              Review and ratify<span className="visually-hidden"> {offeringName(offering)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
