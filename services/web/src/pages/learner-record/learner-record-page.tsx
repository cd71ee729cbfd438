import { useState } from 'react';
import { type ApiClients, dataOf } from '../../api/client';
import { LoadedView } from '../../ui/loaded-view';
import { Pager } from '../../ui/pager';
import { useLoaded } from '../../ui/use-loaded';
import { awardingBodiesOf, type OwnCredential } from './learner-record';
import { MakeRecord } from './make-record';
import { RecordCard } from './record-card';

const RECORDS_PAGE = 10;
const CREDENTIALS_PAGE = 200;

/** Every credential of the learner's, a page of 200 at a time (a learner has few): the bodies they come from. */
async function allCredentials(api: ApiClients): Promise<OwnCredential[]> {
  const found: OwnCredential[] = [];
  for (let page = 1; ; page++) {
    const query = { page, pageSize: CREDENTIALS_PAGE };
    const next = await dataOf(
      api.credentials.GET('/api/credentials/learners/me/credentials', { params: { query } }),
    );
    found.push(...next.items);
    if (found.length >= next.total || next.items.length < CREDENTIALS_PAGE) return found;
  }
}

function listRecords(api: ApiClients, page: number) {
  const query = { page, pageSize: RECORDS_PAGE };
  return dataOf(api.credentials.GET('/api/credentials/learners/me/clr', { params: { query } }));
}

/**
 * The learner's records (CLR 2.0): one signed document per awarding body of every credential in good standing it
 * issued them and the MSc credit approved for them; made on request, newest first, each with its standing.
 */
export function LearnerRecordPage({ api }: { api: ApiClients }) {
  const [page, setPage] = useState(1);
  const [bodies] = useLoaded(async () => awardingBodiesOf(await allCredentials(api)), [api]);
  const [records, reloadRecords] = useLoaded(() => listRecords(api, page), [api, page]);
  // A download that failed: said above the list, which stays as it was.
  const [problem, setProblem] = useState<string | undefined>();
  const made = () => {
    setPage(1);
    reloadRecords();
  };
  return (
    <>
      <h1>Your learning record</h1>
      <p>
        A learning record is one document, signed by an awarding body, that holds every credential in good
        standing it has issued you and the MSc credit approved for them (a Comprehensive Learner Record, CLR
        2.0). Make one for a transcript, a CV or an application; make a new one when your credentials change.
      </p>
      <section aria-labelledby="make-record">
        <h2 id="make-record">Make a record</h2>
        <LoadedView loaded={bodies} what="your awarding bodies">
          {(found) =>
            found.length === 0 ? (
              <p>
                You have no credentials yet, so there is no record to make. Credentials appear once the exam
                board has ratified a pass.
              </p>
            ) : (
              <ul className="cards">
                {found.map((body) => (
                  <MakeRecord key={body.id} api={api} body={body} onMade={made} />
                ))}
              </ul>
            )
          }
        </LoadedView>
      </section>
      <section aria-labelledby="your-records">
        <h2 id="your-records">Your records</h2>
        {problem && <p role="alert">{problem}</p>}
        <LoadedView loaded={records} what="your records">
          {(found) => (
            <>
              {found.total === 0 && <p>You have not made a record yet.</p>}
              {found.total > 0 && (
                <p className="hint">
                  Anyone can check a record you give them, any of these files, on the{' '}
                  <a href="/verify">verify page</a>: the record and each credential in it. The offline bundle
                  also carries what is needed to check it years later without our servers.
                </p>
              )}
              <ul className="cards">
                {found.items.map((record) => (
                  <RecordCard key={record.credentialId} record={record} onProblem={setProblem} />
                ))}
              </ul>
              <Pager
                label="Pages of your records"
                what="records"
                page={found.page}
                pageSize={found.pageSize}
                total={found.total}
                onPage={setPage}
              />
            </>
          )}
        </LoadedView>
      </section>
    </>
  );
}
