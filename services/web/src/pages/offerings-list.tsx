import type { ApiClients } from '../api/client';
import { Link } from '../ui/link';
import { LoadedView } from '../ui/loaded-view';
import { useLoaded } from '../ui/use-loaded';
import { datesOf, listOfferings, type Offering, STATUS_WORDS } from './offerings-api';

/** The offerings the user's organisation runs, each a link to its page (for partners and assessors). */
export function OfferingsList({
  api,
  title,
  empty,
  linkTo,
}: {
  api: ApiClients;
  title: string;
  empty: string;
  linkTo: (offering: Offering) => string;
}) {
  const [loaded] = useLoaded(() => listOfferings(api), [api]);
  return (
    <>
      <h1>{title}</h1>
      <LoadedView loaded={loaded} what="the offerings">
        {(page) => (
          <>
            {page.items.length === 0 && <p>{empty}</p>}
            <ul className="cards">
              {page.items.map((offering) => (
                <li key={offering.id} className="card">
                  <h2 className="card__title">
                    <Link to={linkTo(offering)}>{offering.courseTitle}</Link>
                  </h2>
                  <dl className="facts">
                    <dt>Course code</dt>
                    <dd>{offering.courseCode}</dd>
                    <dt>Dates</dt>
                    <dd>{datesOf(offering)}</dd>
                    <dt>Status</dt>
                    <dd>{STATUS_WORDS[offering.status]}</dd>
                    <dt>Seats</dt>
                    <dd>{offering.capacity}</dd>
                    {offering.location && (
                      <>
                        <dt>Where</dt>
                        <dd>{offering.location}</dd>
                      </>
                    )}
                  </dl>
                </li>
              ))}
            </ul>
          </>
        )}
      </LoadedView>
    </>
  );
}
