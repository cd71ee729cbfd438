import type { ApiClients } from '../../api/client';
import { Link } from '../../ui/link';
import { LoadedView } from '../../ui/loaded-view';
import { useLoaded } from '../../ui/use-loaded';
import {
  datesOf,
  getOffering,
  learnerName,
  listEnrolments,
  type Offering,
  STATUS_WORDS,
} from '../offerings-api';
import { getScheme, latestByLearner, listResults } from './marks-api';
import { MarksGrid } from './marks-grid';
import { MarksUpload } from './marks-upload';

async function offeringWithLearners(api: ApiClients, offeringId: string) {
  // The offering first: its 404 (none, or another organisation's) is the page's answer.
  const offering = await getOffering(api, offeringId);
  const enrolments = await listEnrolments(api, offeringId);
  const learners = enrolments.filter((e) => e.status === 'enrolled' || e.status === 'completed');
  return { offering, learners };
}

/** Marking an offering: the grid of learners by the scheme's components, and a CSV upload. */
export function MarksPage({ api, offeringId }: { api: ApiClients; offeringId: string }) {
  const [loaded] = useLoaded(() => offeringWithLearners(api, offeringId), [api, offeringId]);
  return (
    <LoadedView loaded={loaded} what="the offering">
      {({ offering, learners }) => (
        <>
          <p>
            <Link to="/marking">All offerings to mark</Link>
          </p>
          <h1>Marks: {offering.courseTitle}</h1>
          <p>
            {offering.courseCode}, {datesOf(offering)}. {STATUS_WORDS[offering.status]}.
          </p>
          <Marking api={api} offering={offering} learners={learners} />
        </>
      )}
    </LoadedView>
  );
}

type Learners = Awaited<ReturnType<typeof offeringWithLearners>>['learners'];

/** The scheme and the results come from assessment, which may not know a new course or offering for a moment. */
function Marking({ api, offering, learners }: { api: ApiClients; offering: Offering; learners: Learners }) {
  const [scheme] = useLoaded(() => getScheme(api, offering.courseId), [api, offering.courseId], {
    stillTravelling: true,
  });
  const [results, reloadResults] = useLoaded(() => listResults(api, offering.id), [api, offering.id], {
    stillTravelling: true,
  });
  return (
    <LoadedView
      loaded={scheme}
      what="the course's assessment scheme"
      waiting="The course has no assessment scheme yet, or it is on its way here: the awarding body's registrar sets it."
    >
      {(scheme) => (
        <LoadedView loaded={results} what="the offering's results">
          {(results) => (
            <>
              {learners.length === 0 && <p>No learner is enrolled on this offering yet.</p>}
              {learners.length > 0 && (
                <MarksGrid
                  offeringId={offering.id}
                  scheme={scheme}
                  learners={learners}
                  results={latestByLearner(results)}
                  onSubmitted={reloadResults}
                />
              )}
              <MarksUpload
                offeringId={offering.id}
                components={scheme.components.map((c) => c.name)}
                nameOf={(learnerId) => {
                  const learner = learners.find((l) => l.learnerId === learnerId);
                  return learner && learnerName(learner);
                }}
                onUploaded={reloadResults}
              />
            </>
          )}
        </LoadedView>
      )}
    </LoadedView>
  );
}
