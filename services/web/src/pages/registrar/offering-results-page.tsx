import { useEffect, useState } from 'react';
import { ApiError, type ApiClients, dataOf } from '../../api/client';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Link } from '../../ui/link';
import { LoadedView } from '../../ui/loaded-view';
import { useLoaded } from '../../ui/use-loaded';
import { NotFoundPage } from '../not-found-page';
import { Pager } from '../../ui/pager';
import {
  learnerNames,
  offeringName,
  offeringOf,
  ratificationQueue,
  resultsPageIfKnown,
  type Result,
} from './body-data';
import { type RatificationOutcome, RatificationOutcomeView } from './ratification-outcome';
import { ResultsTable } from './results-table';

const PAGE_SIZE = 100;

/** The offering, a page of its results with their learners' names, and how many of all its results are provisional. */
async function offeringWithResults(api: ApiClients, offeringId: string, page: number) {
  const offering = await offeringOf(api, offeringId);
  const [results, queue] = await Promise.all([
    resultsPageIfKnown(api, offeringId, page, PAGE_SIZE),
    ratificationQueue(api, { offeringId }),
  ]);
  const names = await learnerNames(api, results?.items.map((result) => result.learnerId) ?? []);
  return { offering, results, provisional: queue.items[0]?.provisional ?? 0, names };
}

async function ratifyAll(
  api: ApiClients,
  offeringId: string,
  onPage: readonly Result[],
): Promise<RatificationOutcome> {
  const path = '/api/assessment/offerings/{offeringId}/ratification' as const;
  const answer = await dataOf(api.assessment.POST(path, { params: { path: { offeringId } } }));
  const skippedIds = new Set(answer.skipped.map((skip) => skip.resultId));
  const byId = new Map(onPage.map((result) => [result.resultId, result]));
  return {
    count: answer.ratified,
    ratified: onPage.filter((result) => result.status === 'provisional' && !skippedIds.has(result.resultId)),
    skipped: answer.skipped.map((skip) => ({ ...skip, result: byId.get(skip.resultId) })),
  };
}

/** One offering's results; its provisional ones ratified in one action after a confirmation. */
export function OfferingResultsPage({ api, offeringId }: { api: ApiClients; offeringId: string }) {
  const [page, setPage] = useState(1);
  const [loaded, reload] = useLoaded(
    () => offeringWithResults(api, offeringId, page),
    [api, offeringId, page],
  );
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<RatificationOutcome | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [ratifying, setRatifying] = useState(false);
  // While assessment has not heard of the offering, look again every two seconds.
  const travelling = loaded.state === 'ready' && loaded.data.results === undefined;
  useEffect(() => {
    if (!travelling) return;
    const timer = setTimeout(reload, 2000);
    return () => clearTimeout(timer);
  }, [travelling, loaded, reload]);

  if (loaded.state === 'failed') {
    // Another body's offering is refused as unknown: it looks the same as one that does not exist.
    const status = loaded.error instanceof ApiError ? loaded.error.problem.status : 0;
    if (status === 404 || status === 403 || status === 400) return <NotFoundPage />;
  }
  if (loaded.state !== 'ready') return <LoadedView loaded={loaded} what="the offering’s results" />;
  const { offering, results, provisional, names } = loaded.data;
  const ratify = () => {
    setConfirming(false);
    setProblem(undefined);
    setRatifying(true);
    ratifyAll(api, offeringId, results?.items ?? [])
      .then(
        (done) => {
          setOutcome(done);
          reload();
        },
        (error: Error) => setProblem(error.message),
      )
      .finally(() => setRatifying(false));
  };

  return (
    <>
      <p>
        <Link to="/exam-board/ratification">All results awaiting ratification</Link>
      </p>
      <h1>{offeringName(offering)}</h1>
      {outcome && <RatificationOutcomeView outcome={outcome} names={names} />}
      {problem && <p role="alert">{problem}</p>}
      {results === undefined && (
        <p role="status">This offering is being processed; its results appear here once it has been.</p>
      )}
      {results?.total === 0 && <p>No marks have been recorded for this offering yet.</p>}
      {results && results.items.length > 0 && <ResultsTable results={results.items} names={names} />}
      {results && (
        <Pager
          label="Pages of results"
          what="results"
          page={page}
          pageSize={PAGE_SIZE}
          total={results.total}
          onPage={setPage}
        />
      )}
      {provisional > 0 && (
        <button type="button" className="button" onClick={() => setConfirming(true)} disabled={ratifying}>
          Ratify {provisional} provisional {provisional === 1 ? 'result' : 'results'}
        </button>
      )}
      <ConfirmDialog
        open={confirming}
        title="Ratify these results?"
        confirmLabel="Ratify"
        onConfirm={ratify}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {provisional} provisional {provisional === 1 ? 'result' : 'results'} of {offeringName(offering)}{' '}
          will be ratified. Ratified results count for awards: passes become credentials. A ratified result
          can only be changed by an amendment with a reason.
        </p>
      </ConfirmDialog>
    </>
  );
}
