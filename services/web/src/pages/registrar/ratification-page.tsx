import { useState } from 'react';
import type { ApiClients } from '../../api/client';
import { Link } from '../../ui/link';
import { LoadedView } from '../../ui/loaded-view';
import { Pager } from '../../ui/pager';
import { useLoaded } from '../../ui/use-loaded';
import { offeringName, offeringOf, ratificationQueue } from './body-data';

const PAGE_SIZE = 20;

/** A page of the exam board's queue, each offering named with its dates (read by id, for this page only). */
async function queuePage(api: ApiClients, page: number) {
  const queue = await ratificationQueue(api, { page, pageSize: PAGE_SIZE });
  const items = await Promise.all(
    queue.items.map(async (entry) => ({
      ...entry,
      name: await offeringOf(api, entry.offeringId).then(
        (offering) => offeringName(offering),
        // Assessment knows the course; the dates come from enrolment, which may refuse a moment.
        () => `${entry.courseCode} ${entry.courseTitle}`,
      ),
    })),
  );
  return { ...queue, items };
}

/** The exam board's list: each offering with results awaiting ratification, and how many. */
export function RatificationPage({ api }: { api: ApiClients }) {
  const [page, setPage] = useState(1);
  const [loaded] = useLoaded(() => queuePage(api, page), [api, page]);
  if (loaded.state !== 'ready') return <LoadedView loaded={loaded} what="results awaiting ratification" />;
  const { items, total } = loaded.data;
  return (
    <>
      <h1>Results awaiting ratification</h1>
      <p>
        Marks count for awards only once the exam board ratifies them. Open an offering to check its
        provisional results and ratify them in one step.
      </p>
      {total === 0 && <p>No results are awaiting ratification.</p>}
      <ul className="cards">
        {items.map(({ offeringId, name, provisional }) => (
          <li key={offeringId} className="card">
            <h2 className="card__title">{name}</h2>
            <p>
              {provisional} provisional {provisional === 1 ? 'result' : 'results'}
            </p>
            <Link to={`/exam-board/offerings/${offeringId}`}>
              Review and ratify<span className="visually-hidden"> {name}</span>
            </Link>
          </li>
        ))}
      </ul>
      <Pager
        label="Pages of offerings"
        what="offerings"
        page={page}
        pageSize={PAGE_SIZE}
        total={total}
        onPage={setPage}
      />
    </>
  );
}
