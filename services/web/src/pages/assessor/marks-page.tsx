import { useState } from 'react';
import type { ApiClients } from '../../api/client';
import { Link } from '../../ui/link';
import { LoadedView } from '../../ui/loaded-view';
import { Pager } from '../../ui/pager';
import { useLoaded } from '../../ui/use-loaded';
import {
  datesOf,
  enrolmentsPage,
  getOffering,
  learnerName,
  type Offering,
  STATUS_WORDS,
} from '../offerings-api';
import { getScheme, latestByLearner, resultsOfLearners } from './marks-api';
import { MarksGrid } from './marks-grid';
import { MarksUpload } from './marks-upload';

/** Enrolments a page of the grid: its learners' results are read for them alone. */
const PAGE_SIZE = 100;

/** A page of the offering's enrolments, its learners who can be marked, and their results. */
async function gridPage(api: ApiClients, offeringId: string, page: number) {
  const enrolments = await enrolmentsPage(api, offeringId, page, PAGE_SIZE);
  const learners = enrolments.items.filter((e) => e.status === 'enrolled' || e.status === 'completed');
  const results = learners.length
    ? await resultsOfLearners(
        api,
        offeringId,
        learners.map((learner) => learner.learnerId),
      )
    : [];
  return { learners, results: latestByLearner(results), total: enrolments.total };
}

/** Marking an offering: the grid of learners by the scheme's components, a page at a time, and a CSV upload. */
export function MarksPage({ api, offeringId }: { api: ApiClients; offeringId: string }) {
  // The offering first: its 404 (none, or another organisation's) is the page's answer.
  const [loaded] = useLoaded(() => getOffering(api, offeringId), [api, offeringId]);
  return (
    <LoadedView loaded={loaded} what="the offering">
      {(offering) => (
        <>
          <p>
            <Link to="/marking">All offerings to mark</Link>
          </p>
          <h1>Marks: {offering.courseTitle}</h1>
          <p>
            {offering.courseCode}, {datesOf(offering)}. {STATUS_WORDS[offering.status]}.
          </p>
          <Marking api={api} offering={offering} />
        </>
      )}
    </LoadedView>
  );
}

/** The scheme and the results come from assessment, which may not know a new course or offering for a moment. */
function Marking({ api, offering }: { api: ApiClients; offering: Offering }) {
  const [page, setPage] = useState(1);
  const [scheme] = useLoaded(() => getScheme(api, offering.courseId), [api, offering.courseId], {
    stillTravelling: true,
  });
  const [grid, reloadGrid] = useLoaded(() => gridPage(api, offering.id, page), [api, offering.id, page], {
    stillTravelling: true,
  });
  return (
    <LoadedView
      loaded={scheme}
      what="the course's assessment scheme"
      waiting="The course has no assessment scheme yet, or it is on its way here: the awarding body's registrar sets it."
    >
      {(scheme) => (
        <LoadedView loaded={grid} what="the offering's results">
          {({ learners, results, total }) => (
            <>
              {total === 0 && <p>No learner is enrolled on this offering yet.</p>}
              {total > 0 && learners.length === 0 && <p>No learner on this page can be marked.</p>}
              {learners.length > 0 && (
                <MarksGrid
                  offeringId={offering.id}
                  scheme={scheme}
                  learners={learners}
                  results={results}
                  onSubmitted={reloadGrid}
                />
              )}
              <Pager
                label="Pages of learners"
                what="enrolments"
                page={page}
                pageSize={PAGE_SIZE}
                total={total}
                onPage={setPage}
              />
              <MarksUpload
                offeringId={offering.id}
                components={scheme.components.map((c) => c.name)}
                nameOf={(learnerId) => {
                  const learner = learners.find((l) => l.learnerId === learnerId);
                  return learner && learnerName(learner);
                }}
                onUploaded={reloadGrid}
              />
            </>
          )}
        </LoadedView>
      )}
    </LoadedView>
  );
}
